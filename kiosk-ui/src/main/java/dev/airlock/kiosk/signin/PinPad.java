package dev.airlock.kiosk.signin;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.shared.Registration;

/**
 * A touch PIN pad: ten big digit keys, erase and OK; the typed PIN shows as dots. Also takes the
 * physical keyboard's digits, Backspace and Enter. Raises {@link PinEntered} on OK.
 */
public final class PinPad extends Composite<Div> {
    /** Raised when OK is pressed with at least one digit; carries the PIN (wiped by the pad afterwards). */
    public static final class PinEntered extends ComponentEvent<PinPad> {
        private final char[] pin;

        PinEntered(PinPad source, char[] pin) {
            super(source, false);
            this.pin = pin;
        }

        public char[] pin() {
            return pin;
        }
    }

    static final int MAX = 8;
    final Span dots = new Span();
    final Button ok = new Button();
    final Button erase = new Button();
    final Button[] digits = new Button[10];
    private final char[] typed = new char[MAX];
    private int length;

    public PinPad() {
        Div pad = getContent();
        pad.addClassName("pin-pad");
        dots.addClassName("pin-dots");
        dots.getElement().setAttribute("aria-live", "polite");
        // focus rests on the dots, not on the last key touched: Enter must mean OK, never "that digit again"
        dots.getElement().setAttribute("tabindex", "-1");
        Div keys = new Div();
        keys.addClassName("pin-keys");
        for (int d : new int[] {1, 2, 3, 4, 5, 6, 7, 8, 9}) {
            keys.add(digitKey(d));
        }
        erase.setText("⌫");
        erase.getElement().setAttribute("aria-label", getTranslation("signin.erase"));
        erase.addClickListener(e -> {
            erase();
            restFocus();
        });
        erase.addClickShortcut(Key.BACKSPACE);
        keys.add(erase, digitKey(0));
        ok.setText(getTranslation("signin.ok"));
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        ok.addClickListener(e -> submit());
        ok.addClickShortcut(Key.ENTER);
        keys.add(ok);
        pad.add(dots, keys);
        render();
    }

    private Button digitKey(int d) {
        Button b = new Button(String.valueOf(d));
        b.addClassName("pin-key");
        b.addClickListener(e -> {
            type((char) ('0' + d));
            restFocus();
        });
        b.addClickShortcut(Key.of(String.valueOf(d)));
        digits[d] = b;
        return b;
    }

    private void restFocus() {
        dots.getElement().callJsFunction("focus");
    }

    void type(char c) {
        if (length < MAX) {
            typed[length++] = c;
            render();
        }
    }

    void erase() {
        if (length > 0) {
            typed[--length] = '\0';
            render();
        }
    }

    /** Empties the pad. */
    public void clear() {
        java.util.Arrays.fill(typed, '\0');
        length = 0;
        render();
    }

    void submit() {
        if (length == 0) {
            return;
        }
        char[] pin = java.util.Arrays.copyOf(typed, length);
        clear();
        try {
            fireEvent(new PinEntered(this, pin));
        } finally {
            java.util.Arrays.fill(pin, '\0');
        }
    }

    private void render() {
        dots.setText(length == 0 ? getTranslation("signin.pinPrompt") : "●".repeat(length));
    }

    public Registration addPinEnteredListener(ComponentEventListener<PinEntered> listener) {
        return addListener(PinEntered.class, listener);
    }
}
