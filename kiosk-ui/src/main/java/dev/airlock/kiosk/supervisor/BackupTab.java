package dev.airlock.kiosk.supervisor;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.spring.annotation.SpringComponent;
import dev.airlock.appliance.audit.Actor;
import dev.airlock.appliance.backup.BackupResult;
import dev.airlock.appliance.backup.BackupService;
import dev.airlock.appliance.backup.RestoreResult;
import dev.airlock.appliance.devices.Stick;
import dev.airlock.appliance.keys.Passphrase;
import dev.airlock.appliance.store.ApplianceInfo;
import dev.airlock.kiosk.core.ApplianceHolder;
import dev.airlock.kiosk.core.BackgroundWork;
import dev.airlock.kiosk.core.Devices;
import dev.airlock.kiosk.core.KioskSession;
import dev.airlock.kiosk.core.Routes;
import dev.airlock.kiosk.core.Seal;
import dev.airlock.kiosk.ui.EjectButton;
import dev.airlock.kiosk.ui.Sentence;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;

/** Encrypted backup of the whole store to a stick, and restore from one (replacing the current record). */
@SpringComponent
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
final class BackupTab extends VerticalLayout {
    final ComboBox<Stick> stick;
    final Button write = new Button();
    final ProgressBar progress = new ProgressBar();
    final Div result = new Div();
    final EjectButton eject;
    final ComboBox<Path> restoreFile = new ComboBox<>();
    final Button restore = new Button();
    final Div restoreMessage = new Div();
    final PasswordField restorePassphrase = new PasswordField();
    final Button restoreConfirm = new Button();
    final Dialog restoreDialog = new Dialog();
    final Paragraph restoreWarning = new Paragraph();
    /** The last restore done from this screen (for the result line and tests). */
    RestoreResult lastRestore;
    private final ApplianceHolder holder;
    private final ObjectProvider<BackupService> backups;
    private final ObjectProvider<ApplianceInfo> info;
    private final KioskSession session;
    private final Seal seal;
    private final Devices devices;
    private final BackgroundWork work;
    private final StickFiles stickFiles;
    private Stick written;

    BackupTab(ApplianceHolder holder, ObjectProvider<BackupService> backups, ObjectProvider<ApplianceInfo> info,
            KioskSession session, Seal seal, Devices devices, BackgroundWork work, StickFiles stickFiles) {
        this.holder = holder;
        this.backups = backups;
        this.info = info;
        this.session = session;
        this.seal = seal;
        this.devices = devices;
        this.work = work;
        this.stickFiles = stickFiles;
        this.eject = new EjectButton("backup-eject", devices, work, () -> written);
        this.stick = Sticks.picker(getTranslation("supervisor.backup.stick"), "backup-stick");
        addClassName("supervisor-backup");
        configureBackup();
        configureRestore();
        add(new H2(getTranslation("supervisor.backup.title")), new Paragraph(getTranslation("supervisor.backup.intro")),
                new HorizontalLayout(stick, write), progress, result, eject,
                new H2(getTranslation("supervisor.restore.title")),
                new Paragraph(getTranslation("supervisor.restore.intro")), restoreFile, restoreMessage, restore);
        devices.onMedia(this, e -> refreshSticks());
        refreshSticks();
    }

    private void configureBackup() {
        write.setId("backup-write");
        write.setText(getTranslation("supervisor.backup.write"));
        write.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        write.addClickListener(e -> backup());
        progress.setIndeterminate(true);
        progress.setVisible(false);
        result.setId("backup-result");
        result.addClassName("supervisor-message");
        eject.setVisible(false);
        eject.onEjected(() -> eject.button().setVisible(false));
    }

    private void configureRestore() {
        restoreFile.setId("restore-file");
        restoreFile.setLabel(getTranslation("supervisor.restore.file"));
        restoreFile.setItemLabelGenerator(p -> p.getFileName() + " (" + p.getParent() + ")");
        restoreFile.setWidth("36em");
        restore.setId("restore-open");
        restore.setText(getTranslation("supervisor.restore.open"));
        restore.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_LARGE);
        restore.addClickListener(e -> openRestore());
        restoreMessage.setId("restore-message");
        restoreMessage.addClassName("supervisor-message");
        restorePassphrase.setId("restore-passphrase");
        restorePassphrase.setLabel(getTranslation("supervisor.restore.passphrase"));
        restorePassphrase.setWidth("24em");
        restoreConfirm.setId("restore-confirm");
        restoreConfirm.setText(getTranslation("supervisor.restore.confirm"));
        restoreConfirm.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        restoreConfirm.addClickListener(e -> restore());
        restoreConfirm.addClickShortcut(Key.ENTER).listenOn(restoreDialog);
        Button cancel = new Button(getTranslation("supervisor.cancel"), e -> {
            restorePassphrase.clear();
            restoreDialog.close();
        });
        cancel.addThemeVariants(ButtonVariant.LUMO_LARGE);
        restoreDialog.setHeaderTitle(getTranslation("supervisor.restore.warningTitle"));
        restoreWarning.addClassName("supervisor-warning");
        restoreWarning.setId("restore-warning");
        restoreDialog.add(restoreWarning, restorePassphrase);
        restoreDialog.getFooter().add(cancel, restoreConfirm);
        restoreDialog.setCloseOnOutsideClick(false);
        restoreDialog.addClassName("supervisor-restore-dialog");
    }

    void backup() {
        Stick target = stick.getValue();
        if (target == null) {
            result.setText(getTranslation("supervisor.pickStick"));
            return;
        }
        UI ui = UI.getCurrent();
        Actor actor = session.actor();
        Passphrase p;
        try {
            p = seal.passphrase();
        } catch (IllegalStateException e) {
            result.setText(Sentence.of(e));
            return;
        }
        write.setEnabled(false);
        progress.setVisible(true);
        eject.setVisible(false);
        result.setText(getTranslation("supervisor.backup.running"));
        work.run(ui, bar -> {
            try (p) {
                return backups.getObject().backup(target.root(), p, actor);
            }
        }, (f, t) -> { }, r -> done(target, r), e -> failed(e));
    }

    private void done(Stick target, BackupResult r) {
        write.setEnabled(true);
        progress.setVisible(false);
        result.setText(getTranslation("supervisor.backup.done", r.file().getFileName(), size(r.bytes()), r.machines(),
                r.products(), target.label()));
        written = target;
        eject.clearMessage();
        eject.button().setVisible(true);
        eject.setVisible(target.mountPoint());
        refreshSticks();
    }

    private void failed(Exception e) {
        write.setEnabled(true);
        progress.setVisible(false);
        result.setText(getTranslation("supervisor.backup.failed", Sentence.of(e)));
    }

    void openRestore() {
        restoreMessage.setText("");
        Path file = restoreFile.getValue();
        if (file == null) {
            restoreMessage.setText(getTranslation("supervisor.restore.pickFile"));
            return;
        }
        restoreWarning.setText(getTranslation("supervisor.restore.warning", file.getFileName(),
                info.getObject().displayName()));
        restorePassphrase.clear();
        restoreDialog.open();
        restorePassphrase.focus();
    }

    /** Restores the chosen backup over the running store, then seals and goes to the unlock screen. */
    void restore() {
        Path file = restoreFile.getValue();
        if (file == null || restorePassphrase.getValue().isEmpty()) {
            restoreMessage.setText(getTranslation("supervisor.restore.pickFile"));
            return;
        }
        Passphrase p = Passphrase.of(restorePassphrase.getValue());
        restorePassphrase.clear();
        restoreDialog.close();
        Actor actor = session.actor();
        UI ui = UI.getCurrent();
        restore.setEnabled(false);
        progress.setVisible(true);
        restoreMessage.setText(getTranslation("supervisor.restore.running"));
        work.run(ui, bar -> {
            try (p) {
                return holder.restore(file, p, actor);
            }
        }, (f, t) -> { }, this::restored, e -> {
            restore.setEnabled(true);
            progress.setVisible(false);
            restoreMessage.setText(getTranslation("supervisor.restore.failed", Sentence.of(e)));
        });
    }

    private void restored(RestoreResult r) {
        restore.setEnabled(true);
        progress.setVisible(false);
        restoreMessage.setText(getTranslation("supervisor.restore.done", r.applianceName(), r.machines(), r.products()));
        lastRestore = r;
        seal.seal();
        session.signOut();
        getUI().ifPresent(ui -> {
            Notification.show(getTranslation("supervisor.restore.done", r.applianceName(), r.machines(),
                    r.products()), 8000, Notification.Position.MIDDLE);
            ui.navigate(Routes.UNLOCK);
        });
    }

    void refreshSticks() {
        List<Stick> sticks = devices.sticks();
        Sticks.refresh(stick, sticks);
        List<Path> files = stickFiles.backups(sticks);
        Path selected = restoreFile.getValue();
        restoreFile.setItems(files);
        if (selected != null && files.contains(selected)) {
            restoreFile.setValue(selected);
        }
    }

    static String size(long bytes) {
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
    }
}
