package dev.airlock.kiosk.supervisor;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import dev.airlock.appliance.audit.Actor;
import dev.airlock.appliance.backup.BackupService;
import dev.airlock.appliance.devices.Stick;
import dev.airlock.appliance.update.StagedUpdate;
import dev.airlock.appliance.update.UpdateCheck;
import dev.airlock.appliance.update.UpdateManifest;
import dev.airlock.appliance.update.UpdateService;
import dev.airlock.appliance.update.UpdateStatus;
import dev.airlock.kiosk.core.BackgroundWork;
import dev.airlock.kiosk.core.KioskSession;
import dev.airlock.kiosk.core.Seal;
import dev.airlock.kiosk.ui.Sentence;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The update tab's steps for an update on a stick: pick it, verify it, a backup first (or an
 * explicit skip), then install it (staged in the background).
 */
final class UpdateFromStick extends VerticalLayout {
    private static final DateTimeFormatter BUILT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    final UpdateFiles updateFile = new UpdateFiles(this::forget);
    final Checkbox reinstall = new Checkbox();
    final Button verify = new Button();
    final ProgressBar progress = new ProgressBar();
    final Div progressText = new Div();
    final Div verifyResult = new Div();
    final UpdateBackupStep backupStep;
    final Button install = new Button();
    final Div installResult = new Div();
    private final ObjectProvider<UpdateService> updates;
    private final KioskSession session;
    private final BackgroundWork work;
    private final Runnable refreshStatus;
    /** The update verified on this screen, when there is one. */
    UpdateCheck.Verified verified;
    private boolean busy;

    /** {@code refreshStatus} reads the system's update status again, which tells whether install may start. */
    UpdateFromStick(ObjectProvider<BackupService> backups, ObjectProvider<UpdateService> updates,
            KioskSession session, Seal seal, BackgroundWork work, Runnable refreshStatus) {
        this.updates = updates;
        this.session = session;
        this.work = work;
        this.refreshStatus = refreshStatus;
        this.backupStep = new UpdateBackupStep(backups, session, seal, work, this::started, this::finished,
                this::showSteps);
        reinstall.setId("update-reinstall");
        reinstall.setLabel(getTranslation("supervisor.update.reinstall"));
        reinstall.addValueChangeListener(e -> forget());
        verify.setId("update-verify");
        verify.setText(getTranslation("supervisor.update.verify"));
        verify.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        verify.addClickListener(e -> verify());
        progress.setVisible(false);
        progressText.setId("update-progress");
        verifyResult.setId("update-verify-result");
        verifyResult.addClassName("supervisor-message");
        install.setId("update-install");
        install.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        install.addClickListener(e -> install());
        installResult.setId("update-install-result");
        installResult.addClassName("supervisor-message");
        setPadding(false);
        add(new H3(getTranslation("supervisor.update.stickTitle")), updateFile, reinstall, verify, progress,
                progressText, verifyResult, backupStep, install, installResult);
    }

    /** The system's update status was read: install waits while the system still takes an update. */
    void statusRead(UpdateStatus s) {
        boolean waiting = s.phase() == UpdateStatus.Phase.REQUESTED || s.phase() == UpdateStatus.Phase.WRITING;
        install.setEnabled(!busy && !waiting && verified != null && backupStep.settled());
    }

    void refreshSticks(List<Stick> sticks) {
        backupStep.showSticks(sticks);
        if (updateFile.show(sticks, updates.getObject())) {
            forget();
        }
        showSteps();
    }

    /** A new choice of file or of "reinstall": verify again, and decide on the backup again. */
    private void forget() {
        verified = null;
        backupStep.forget();
        verifyResult.setText("");
        installResult.setText("");
        showSteps();
    }

    private void showSteps() {
        backupStep.setVisible(verified != null);
        install.setVisible(verified != null);
        if (verified != null) {
            install.setText(getTranslation("supervisor.update.install", verified.manifest().version()));
        }
        verify.setEnabled(!busy);
        backupStep.enable(busy);
        refreshStatus.run();
    }

    void verify() {
        Path file = updateFile.getValue();
        if (file == null) {
            verifyResult.setText(getTranslation("supervisor.update.pickUpdate"));
            return;
        }
        boolean again = reinstall.getValue();
        forget();
        started();
        verifyResult.setText(getTranslation("supervisor.update.verifying"));
        work.run(UI.getCurrent(), bar -> updates.getObject().check(file, again, (step, done, total) ->
                bar.report(total == 0 ? 0 : (double) done / total, step.name())), this::progress, this::checked,
                this::failed);
    }

    private void checked(UpdateCheck c) {
        finished();
        if (c instanceof UpdateCheck.Verified v) {
            verified = v;
            UpdateManifest m = v.manifest();
            verifyResult.removeClassName("supervisor-ok");
            verifyResult.addClassName("supervisor-ok");
            verifyResult.setText(v.notNewer()
                    ? getTranslation("supervisor.update.verifiedOlder", m.version(), BUILT.format(m.built()),
                            BackupTab.size(m.size()), v.running().map(Object::toString).orElse("?"))
                    : getTranslation("supervisor.update.verified", m.version(), BUILT.format(m.built()),
                            BackupTab.size(m.size())));
        } else {
            verifyResult.removeClassName("supervisor-ok");
            verifyResult.setText(getTranslation("supervisor.update.refused",
                    Sentence.of(((UpdateCheck.Refused) c).message())));
        }
        showSteps();
    }

    void install() {
        UpdateCheck.Verified v = verified;
        if (v == null || !backupStep.settled()) {
            return;
        }
        Actor actor = session.actor();
        started();
        install.setEnabled(false);
        installResult.removeClassName("supervisor-ok");
        installResult.setText(getTranslation("supervisor.update.installing", v.manifest().version()));
        work.run(UI.getCurrent(), bar -> updates.getObject().stage(v, actor, (step, done, total) ->
                bar.report(total == 0 ? 0 : (double) done / total, step.name())), this::progress,
                (StagedUpdate s) -> {
                    finished();
                    verified = null;
                    backupStep.used();
                    installResult.addClassName("supervisor-ok");
                    installResult.setText(getTranslation("supervisor.update.staged", s.version()));
                    showSteps();
                }, e -> {
                    finished();
                    installResult.setText(getTranslation("supervisor.update.stageFailed", Sentence.of(e)));
                    showSteps();
                });
    }

    private void started() {
        busy = true;
        progress.setVisible(true);
        progress.setIndeterminate(true);
        progressText.setText("");
        showSteps();
    }

    private void finished() {
        busy = false;
        progress.setVisible(false);
        progressText.setText("");
    }

    private void progress(double fraction, String step) {
        progress.setIndeterminate(false);
        progress.setValue(Math.max(0, Math.min(1, fraction)));
        progressText.setText(getTranslation("supervisor.update.progress." + step.toLowerCase(Locale.ROOT),
                Math.round(fraction * 100)));
    }

    private void failed(Exception e) {
        finished();
        verifyResult.removeClassName("supervisor-ok");
        verifyResult.setText(getTranslation("supervisor.update.refused", Sentence.of(e)));
        showSteps();
    }
}
