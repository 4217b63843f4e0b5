package dev.airlock.kiosk.signin;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.airlock.appliance.audit.Actor;
import dev.airlock.appliance.keys.KeysException;
import dev.airlock.appliance.keys.Passphrase;
import dev.airlock.appliance.store.ApplianceInfo;
import dev.airlock.kiosk.core.Routes;
import dev.airlock.kiosk.core.Seal;
import dev.airlock.kiosk.ui.Sentence;
import org.springframework.beans.factory.ObjectProvider;

/** After boot: the appliance stays sealed until a supervisor types the passphrase once. */
@Route(Routes.UNLOCK)
@PageTitle("Airlock · Sealed")
public class UnlockView extends VerticalLayout {
    final PasswordField passphrase = new PasswordField();
    final Button unlock = new Button();
    final Span error = new Span();
    private final Seal seal;

    public UnlockView(ObjectProvider<ApplianceInfo> info, Seal seal) {
        this.seal = seal;
        addClassNames("kiosk-view", "unlock-view");
        passphrase.setLabel(getTranslation("unlock.passphrase"));
        passphrase.setWidth("24em");
        passphrase.focus();
        unlock.setText(getTranslation("unlock.button"));
        unlock.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        unlock.addClickShortcut(Key.ENTER);
        unlock.addClickListener(e -> unlock());
        error.addClassName("form-error");
        add(new H1(getTranslation("unlock.title", info.getObject().displayName())),
                new Paragraph(getTranslation("unlock.intro")), passphrase, error, unlock);
    }

    void unlock() {
        error.setText("");
        if (passphrase.getValue().isEmpty()) {
            error.setText(getTranslation("unlock.empty"));
            return;
        }
        char[] chars = passphrase.getValue().toCharArray();
        passphrase.clear();
        try (Passphrase p = Passphrase.of(chars)) {
            seal.unlock(p, chars, new Actor("supervisor (unlock)"));
            getUI().ifPresent(ui -> ui.navigate(Routes.SIGN_IN));
        } catch (KeysException e) {
            error.setText(Sentence.of(e));
        } finally {
            java.util.Arrays.fill(chars, '\0');
        }
    }
}
