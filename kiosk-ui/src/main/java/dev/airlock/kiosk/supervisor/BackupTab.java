package dev.airlock.kiosk.supervisor;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.spring.annotation.SpringComponent;
import dev.airlock.appliance.audit.Actor;
import dev.airlock.appliance.backup.BackupResult;
import dev.airlock.appliance.backup.BackupService;
import dev.airlock.appliance.devices.Stick;
import dev.airlock.appliance.keys.Passphrase;
import dev.airlock.appliance.store.ApplianceInfo;
import dev.airlock.kiosk.core.ApplianceHolder;
import dev.airlock.kiosk.core.BackgroundWork;
import dev.airlock.kiosk.core.Devices;
import dev.airlock.kiosk.core.KioskSession;
import dev.airlock.kiosk.core.Seal;
import dev.airlock.kiosk.ui.EjectButton;
import dev.airlock.kiosk.ui.Sentence;
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
    final RestoreSection restoring;
    private final ObjectProvider<BackupService> backups;
    private final KioskSession session;
    private final Seal seal;
    private final Devices devices;
    private final BackgroundWork work;
    private final StickFiles stickFiles;
    private Stick written;

    BackupTab(ApplianceHolder holder, ObjectProvider<BackupService> backups, ObjectProvider<ApplianceInfo> info,
            KioskSession session, Seal seal, Devices devices, BackgroundWork work, StickFiles stickFiles) {
        this.backups = backups;
        this.session = session;
        this.seal = seal;
        this.devices = devices;
        this.work = work;
        this.stickFiles = stickFiles;
        this.eject = new EjectButton("backup-eject", devices, work, () -> written);
        this.stick = Sticks.picker(getTranslation("supervisor.backup.stick"), "backup-stick");
        this.restoring = new RestoreSection(holder, info, session, seal, work, progress);
        addClassName("supervisor-backup");
        configureBackup();
        add(new H2(getTranslation("supervisor.backup.title")), new Paragraph(getTranslation("supervisor.backup.intro")),
                new HorizontalLayout(stick, write), progress, result, eject,
                new H2(getTranslation("supervisor.restore.title")),
                new Paragraph(getTranslation("supervisor.restore.intro")), restoring.restoreFile,
                restoring.restoreMessage, restoring.restore);
        devices.onSticksChanged(this, this::refreshSticks);
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

    void refreshSticks() {
        List<Stick> sticks = devices.sticks();
        Sticks.refresh(stick, sticks);
        restoring.showFiles(stickFiles.backups(sticks));
    }

    static String size(long bytes) {
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
    }
}
