package dev.airlock.kiosk.setup;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.airlock.appliance.Appliance;
import dev.airlock.appliance.audit.Actor;
import dev.airlock.appliance.keys.KeysException;
import dev.airlock.appliance.keys.Passphrase;
import dev.airlock.appliance.keys.WeakPassphraseException;
import dev.airlock.appliance.store.ApplianceInfo;
import dev.airlock.kiosk.core.ApplianceHolder;
import dev.airlock.kiosk.core.Routes;
import dev.airlock.kiosk.core.Seal;
import dev.airlock.kiosk.ui.GroupedDigits;
import dev.airlock.kiosk.ui.Sentence;

/**
 * First run: the role, a label, the supervisor passphrase (twice); then the key pair is made and
 * its fingerprint shown large, to be read to the peer who pins this appliance's key card.
 */
@Route(Routes.SETUP)
@PageTitle("Airlock · Setup")
public class SetupView extends VerticalLayout {
    final RadioButtonGroup<ApplianceInfo.Role> role = new RadioButtonGroup<>();
    final TextField label = new TextField();
    final PasswordField passphrase = new PasswordField();
    final PasswordField again = new PasswordField();
    final Button create = new Button();
    final Span error = new Span();
    private final ApplianceHolder holder;
    private final Seal seal;

    public SetupView(ApplianceHolder holder, Seal seal) {
        this.holder = holder;
        this.seal = seal;
        addClassNames("kiosk-view", "setup-view");
        configureForm();
        // two rows that sit side by side on a 1024x600 screen, so the button is in view without scrolling
        add(new H1(getTranslation("setup.title")), new Paragraph(getTranslation("setup.intro")), row(role, label),
                row(passphrase, again), error, create);
    }

    private static com.vaadin.flow.component.html.Div row(com.vaadin.flow.component.Component... parts) {
        com.vaadin.flow.component.html.Div row = new com.vaadin.flow.component.html.Div(parts);
        row.addClassName("setup-row");
        return row;
    }

    private void configureForm() {
        role.setLabel(getTranslation("setup.role"));
        role.setItems(ApplianceInfo.Role.LAB, ApplianceInfo.Role.GATEWAY);
        role.setItemLabelGenerator(r -> getTranslation("setup.role." + r.id()));
        role.setValue(ApplianceInfo.Role.LAB);
        label.setLabel(getTranslation("setup.label"));
        label.setPlaceholder(getTranslation("setup.labelExample"));
        label.setWidth("20em");
        label.setMaxLength(80);
        passphrase.setLabel(getTranslation("setup.passphrase"));
        passphrase.setHelperText(getTranslation("setup.passphraseHelp", Passphrase.MIN_LENGTH));
        passphrase.setWidth("20em");
        again.setLabel(getTranslation("setup.passphraseAgain"));
        again.setWidth("20em");
        error.addClassName("form-error");
        create.setText(getTranslation("setup.create"));
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        create.addClickListener(e -> create());
    }

    void create() {
        error.setText("");
        if (label.getValue().isBlank()) {
            error.setText(getTranslation("setup.labelMissing"));
            return;
        }
        if (passphrase.getValue().isEmpty()) {
            error.setText(getTranslation("setup.passphraseMissing"));
            return;
        }
        if (!passphrase.getValue().equals(again.getValue())) {
            error.setText(getTranslation("setup.passphraseMismatch"));
            again.clear();
            return;
        }
        char[] chars = passphrase.getValue().toCharArray();
        try (Passphrase p = Passphrase.of(chars)) {
            p.checkStrongEnoughToSet();
            Appliance a = holder.setUp(role.getValue(), label.getValue(), p, new Actor("setup"));
            seal.unlockedBySetup(chars);
            showFingerprint(a);
        } catch (WeakPassphraseException e) {
            error.setText(Sentence.of(e));
        } catch (KeysException e) {
            error.setText(Sentence.of(e));
        } finally {
            java.util.Arrays.fill(chars, '\0');
            passphrase.clear();
            again.clear();
        }
    }

    private void showFingerprint(Appliance a) throws KeysException {
        removeAll();
        GroupedDigits fingerprint = new GroupedDigits(a.keys().publicKey().fingerprint().groups(), false);
        fingerprint.addClassName("fingerprint");
        Button next = new Button(getTranslation("setup.continue"),
                e -> getUI().ifPresent(ui -> ui.navigate(Routes.SIGN_IN)));
        next.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        add(new H1(getTranslation("setup.done", a.info().displayName())), new H2(getTranslation("setup.fingerprint")),
                fingerprint, new Paragraph(getTranslation("setup.fingerprintHelp")), next);
    }
}
