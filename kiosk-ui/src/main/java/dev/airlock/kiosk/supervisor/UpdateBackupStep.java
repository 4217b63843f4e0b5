package dev.airlock.kiosk.supervisor;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import dev.airlock.appliance.audit.Actor;
import dev.airlock.appliance.backup.BackupResult;
import dev.airlock.appliance.backup.BackupService;
import dev.airlock.appliance.devices.Stick;
import dev.airlock.appliance.keys.Passphrase;
import dev.airlock.kiosk.core.BackgroundWork;
import dev.airlock.kiosk.core.KioskSession;
import dev.airlock.kiosk.core.Seal;
import dev.airlock.kiosk.ui.Sentence;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;

/** The update's backup step: write a backup to a stick first, or skip it explicitly; install waits for either. */
final class UpdateBackupStep extends Div {
    final ComboBox<Stick> backupStick;
    final Button backup = new Button();
    final Button skipBackup = new Button();
    final Div backupResult = new Div();
    private final ObjectProvider<BackupService> backups;
    private final KioskSession session;
    private final Seal seal;
    private final BackgroundWork work;
    private final Runnable started;
    private final Runnable finished;
    private final Runnable showSteps;
    /** Whether a backup was written or the supervisor chose to skip it, for the verified update. */
    private boolean settled;

    /**
     * {@code started} runs when the backup starts in the background, {@code finished} when it is over,
     * {@code showSteps} once the step's outcome is shown.
     */
    UpdateBackupStep(ObjectProvider<BackupService> backups, KioskSession session, Seal seal, BackgroundWork work,
            Runnable started, Runnable finished, Runnable showSteps) {
        this.backups = backups;
        this.session = session;
        this.seal = seal;
        this.work = work;
        this.started = started;
        this.finished = finished;
        this.showSteps = showSteps;
        this.backupStick = Sticks.picker(getTranslation("supervisor.update.backupStick"), "update-backup-stick");
        backup.setId("update-backup");
        backup.setText(getTranslation("supervisor.update.backupWrite"));
        backup.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        backup.addClickListener(e -> backup());
        skipBackup.setId("update-skip-backup");
        skipBackup.setText(getTranslation("supervisor.update.skip"));
        skipBackup.addThemeVariants(ButtonVariant.LUMO_LARGE);
        skipBackup.addClickListener(e -> skipBackup());
        backupResult.setId("update-backup-result");
        backupResult.addClassName("supervisor-message");
        add(new H3(getTranslation("supervisor.update.backupTitle")),
                new Paragraph(getTranslation("supervisor.update.backupIntro")),
                backupStick, new HorizontalLayout(backup, skipBackup), backupResult);
    }

    boolean settled() {
        return settled;
    }

    void showSticks(List<Stick> sticks) {
        Sticks.refresh(backupStick, sticks);
    }

    /** A new update to decide on: no backup written or skipped for it yet. */
    void forget() {
        settled = false;
        backupResult.setText("");
    }

    /** The update it was for is installed: the next one needs its own decision. */
    void used() {
        settled = false;
    }

    /** Backup and skip are offered while nothing runs and nothing is decided. */
    void enable(boolean busy) {
        backup.setEnabled(!busy && !settled);
        skipBackup.setEnabled(!busy && !settled);
    }

    void backup() {
        Stick target = backupStick.getValue();
        if (target == null) {
            backupResult.setText(getTranslation("supervisor.pickStick"));
            return;
        }
        Passphrase p;
        try {
            p = seal.passphrase();
        } catch (IllegalStateException e) {
            backupResult.setText(Sentence.of(e));
            return;
        }
        Actor actor = session.actor();
        started.run();
        backupResult.setText(getTranslation("supervisor.update.backupRunning"));
        work.run(UI.getCurrent(), bar -> {
            try (p) {
                return backups.getObject().backup(target.root(), p, actor);
            }
        }, (f, t) -> { }, (BackupResult r) -> {
            finished.run();
            settled = true;
            backupResult.addClassName("supervisor-ok");
            backupResult.setText(getTranslation("supervisor.update.backupDone", r.file().getFileName(), target.label()));
            showSteps.run();
        }, e -> {
            finished.run();
            backupResult.removeClassName("supervisor-ok");
            backupResult.setText(getTranslation("supervisor.update.backupFailed", Sentence.of(e)));
            showSteps.run();
        });
    }

    void skipBackup() {
        settled = true;
        backupResult.removeClassName("supervisor-ok");
        backupResult.setText(getTranslation("supervisor.update.skipped"));
        showSteps.run();
    }
}
