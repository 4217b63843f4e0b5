package dev.airlock.kiosk.supervisor;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import dev.airlock.appliance.operators.Operator;
import dev.airlock.appliance.operators.OperatorException;
import dev.airlock.appliance.operators.OperatorService;
import dev.airlock.kiosk.core.KioskSession;
import dev.airlock.kiosk.ui.Sentence;
import java.util.Arrays;
import java.util.function.Consumer;
import org.springframework.beans.factory.ObjectProvider;

/** Types a new PIN twice for one operator. */
final class PinResetDialog extends Dialog {
    final PasswordField first = OperatorsTab.pinField("operators-reset-pin");
    final PasswordField second = OperatorsTab.pinField("operators-reset-pin-again");
    final Span error = new Span();
    final Button save = new Button();
    private final ObjectProvider<OperatorService> operators;
    private final KioskSession session;
    private final Consumer<String> done;

    /** Resets {@code o}'s PIN; once it is reset, what was done goes to {@code done}. */
    PinResetDialog(ObjectProvider<OperatorService> operators, KioskSession session, Operator o,
            Consumer<String> done) {
        this.operators = operators;
        this.session = session;
        this.done = done;
        setHeaderTitle(getTranslation("supervisor.operators.resetTitle", o.name()));
        first.setLabel(getTranslation("supervisor.operators.pin"));
        second.setLabel(getTranslation("supervisor.operators.pinAgain"));
        error.addClassName("form-error");
        save.setId("operators-reset-save");
        save.setText(getTranslation("supervisor.operators.resetPin"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        save.addClickListener(e -> save(o));
        save.addClickShortcut(Key.ENTER).listenOn(this);
        Button cancel = new Button(getTranslation("supervisor.cancel"), e -> close());
        cancel.addThemeVariants(ButtonVariant.LUMO_LARGE);
        add(new VerticalLayout(first, second, error));
        getFooter().add(cancel, save);
    }

    void save(Operator o) {
        if (!first.getValue().equals(second.getValue())) {
            error.setText(getTranslation("supervisor.operators.pinMismatch"));
            second.clear();
            return;
        }
        char[] typed = first.getValue().toCharArray();
        first.clear();
        second.clear();
        try {
            operators.getObject().resetPin(o.id(), typed, session.actor());
            close();
            done.accept(getTranslation("supervisor.operators.pinReset", o.name()));
        } catch (OperatorException e) {
            error.setText(Sentence.of(e));
        } finally {
            Arrays.fill(typed, '\0');
        }
    }
}
