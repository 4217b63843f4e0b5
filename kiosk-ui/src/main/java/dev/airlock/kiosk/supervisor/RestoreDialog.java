package dev.airlock.kiosk.supervisor;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.PasswordField;
import dev.airlock.appliance.keys.Passphrase;

/** The last word before a restore: what it replaces, and the backup's passphrase. */
final class RestoreDialog extends Dialog {
    final Paragraph restoreWarning = new Paragraph();
    final PasswordField restorePassphrase = new PasswordField();
    final Button restoreConfirm = new Button();

    /** {@code confirm} runs when the supervisor confirms (button or Enter). */
    RestoreDialog(Runnable confirm) {
        restorePassphrase.setId("restore-passphrase");
        restorePassphrase.setLabel(getTranslation("supervisor.restore.passphrase"));
        restorePassphrase.setWidth("24em");
        restoreConfirm.setId("restore-confirm");
        restoreConfirm.setText(getTranslation("supervisor.restore.confirm"));
        restoreConfirm.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        restoreConfirm.addClickListener(e -> confirm.run());
        restoreConfirm.addClickShortcut(Key.ENTER).listenOn(this);
        Button cancel = new Button(getTranslation("supervisor.cancel"), e -> {
            restorePassphrase.clear();
            close();
        });
        cancel.addThemeVariants(ButtonVariant.LUMO_LARGE);
        setHeaderTitle(getTranslation("supervisor.restore.warningTitle"));
        restoreWarning.addClassName("supervisor-warning");
        restoreWarning.setId("restore-warning");
        add(restoreWarning, restorePassphrase);
        getFooter().add(cancel, restoreConfirm);
        setCloseOnOutsideClick(false);
        addClassName("supervisor-restore-dialog");
    }

    /** Opens with {@code warning} and an empty passphrase field, focused. */
    void ask(String warning) {
        restoreWarning.setText(warning);
        restorePassphrase.clear();
        open();
        restorePassphrase.focus();
    }

    boolean passphraseTyped() {
        return !restorePassphrase.getValue().isEmpty();
    }

    /** The typed passphrase; the field is cleared and the dialog closed. */
    Passphrase take() {
        Passphrase p = Passphrase.of(restorePassphrase.getValue());
        restorePassphrase.clear();
        close();
        return p;
    }
}
