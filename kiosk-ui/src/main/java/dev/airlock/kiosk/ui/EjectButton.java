package dev.airlock.kiosk.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import dev.airlock.appliance.devices.EjectResult;
import dev.airlock.appliance.devices.Stick;
import dev.airlock.kiosk.core.BackgroundWork;
import dev.airlock.kiosk.core.Devices;
import java.util.function.Supplier;

/**
 * Safe eject of a stick: the button and its own message line. The eject (sync + unmount, which
 * blocks) runs off the UI thread; the outcome ("can be removed now", the watcher's note, or why it
 * failed) is shown next to the button. The button carries {@code id}, the message {@code id-message}.
 */
public final class EjectButton extends Div {
    final Button button = new Button();
    final Span message = new Span();
    private final Devices devices;
    private final BackgroundWork work;
    private final Supplier<Stick> stick;
    private Runnable onEjected = () -> { };

    public EjectButton(String id, Devices devices, BackgroundWork work, Supplier<Stick> stick) {
        this.devices = devices;
        this.work = work;
        this.stick = stick;
        addClassName("eject-button");
        button.setId(id);
        button.setText(getTranslation("ui.eject"));
        button.setIcon(VaadinIcon.EJECT.create());
        button.addThemeVariants(ButtonVariant.LUMO_LARGE);
        button.addClickListener(e -> eject());
        message.setId(id + "-message");
        message.addClassName("eject-message");
        add(button, message);
    }

    /** The button itself (for a view's own class names). */
    public Button button() {
        return button;
    }

    /** The outcome line now shown. */
    public String message() {
        return message.getText();
    }

    /** Runs on the UI thread after an eject that did not fail. */
    public EjectButton onEjected(Runnable r) {
        this.onEjected = r;
        return this;
    }

    /** Empties the outcome line (a new stick, a new write). */
    public void clearMessage() {
        message.setText("");
        message.removeClassName("eject-failed");
    }

    /** Ejects the stick the supplier gives (nothing when there is none). */
    public void eject() {
        Stick s = stick.get();
        if (s == null) {
            return;
        }
        clearMessage();
        message.setText(getTranslation("ui.eject.working", s.label()));
        button.setEnabled(false);
        work.<EjectResult>run(UI.getCurrent(), p -> devices.media().eject(s), (f, t) -> { }, r -> {
            button.setEnabled(true);
            message.setText(r.unmounted() ? getTranslation("ui.eject.done", s.label())
                    : getTranslation("ui.eject.note", s.label(), r.message()));
            onEjected.run();
        }, e -> {
            button.setEnabled(true);
            message.addClassName("eject-failed");
            message.setText(getTranslation("ui.eject.failed",
                    Sentence.of(e)));
        });
    }
}
