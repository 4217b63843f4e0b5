package dev.airlock.kiosk.supervisor;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.shared.Registration;
import com.vaadin.flow.spring.annotation.SpringComponent;
import dev.airlock.appliance.audit.Actor;
import dev.airlock.appliance.backup.BackupResult;
import dev.airlock.appliance.backup.BackupService;
import dev.airlock.appliance.devices.Stick;
import dev.airlock.appliance.keys.Passphrase;
import dev.airlock.appliance.update.ImageVersion;
import dev.airlock.appliance.update.RunningImage;
import dev.airlock.appliance.update.StagedUpdate;
import dev.airlock.appliance.update.UpdateCheck;
import dev.airlock.appliance.update.UpdateManifest;
import dev.airlock.appliance.update.UpdateService;
import dev.airlock.appliance.update.UpdateStatus;
import dev.airlock.kiosk.core.BackgroundWork;
import dev.airlock.kiosk.core.Devices;
import dev.airlock.kiosk.core.KioskBeans.KioskSettings;
import dev.airlock.kiosk.core.KioskSession;
import dev.airlock.kiosk.core.Seal;
import dev.airlock.kiosk.ui.Sentence;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;

/**
 * The system update: the running version, updates found on the inserted sticks, verify, a backup
 * first (or an explicit skip), install (staged in the background), the system's progress writing
 * it, and the restart into it.
 */
@SpringComponent
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
final class UpdateTab extends VerticalLayout {
    private static final int POLL_MS = 2000;
    private static final DateTimeFormatter BUILT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    final Paragraph running = new Paragraph();
    final VerticalLayout onStick = new VerticalLayout();
    final ComboBox<Path> updateFile = new ComboBox<>();
    final Checkbox reinstall = new Checkbox();
    final Button verify = new Button();
    final ProgressBar progress = new ProgressBar();
    final Div progressText = new Div();
    final Div verifyResult = new Div();
    final Div backupStep = new Div();
    final ComboBox<Stick> backupStick;
    final Button backup = new Button();
    final Button skipBackup = new Button();
    final Div backupResult = new Div();
    final Button install = new Button();
    final Div installResult = new Div();
    final Div status = new Div();
    final Button restart = new Button();
    private final ObjectProvider<BackupService> backups;
    private final ObjectProvider<UpdateService> updates;
    private final KioskSession session;
    private final Seal seal;
    private final Devices devices;
    private final BackgroundWork work;
    private final KioskSettings settings;
    /** The update verified on this screen, when there is one. */
    UpdateCheck.Verified verified;
    /** Whether a backup was written or the supervisor chose to skip it, for {@link #verified}. */
    boolean backupSettled;
    private boolean busy;
    private boolean refreshing;
    /** Set once the restart was asked for: the status stays "Restarting..." until the screen goes. */
    private boolean restarting;
    /** The label of the stick each offered update is on. */
    private final java.util.Map<Path, String> stickOf = new java.util.HashMap<>();
    private Registration poll;

    UpdateTab(ObjectProvider<BackupService> backups, ObjectProvider<UpdateService> updates, KioskSession session,
            Seal seal, Devices devices, BackgroundWork work, KioskSettings settings) {
        this.backups = backups;
        this.updates = updates;
        this.session = session;
        this.seal = seal;
        this.devices = devices;
        this.work = work;
        this.settings = settings;
        this.backupStick = Sticks.picker(getTranslation("supervisor.update.backupStick"), "update-backup-stick");
        addClassName("supervisor-update");
        running.setId("update-running");
        running.addClassName("supervisor-update-running");
        configureStick();
        configureBackup();
        configureStatus();
        add(new H2(getTranslation("supervisor.update.title")), running, status, restart, onStick,
                new Paragraph(getTranslation("supervisor.update.intro")));
        devices.onMedia(this, e -> refreshSticks());
        refresh();
    }

    private void configureStick() {
        updateFile.setId("update-file");
        updateFile.setLabel(getTranslation("supervisor.update.file"));
        updateFile.setItemLabelGenerator(p -> getTranslation("supervisor.update.fileOn", p.getFileName(),
                stickOf.getOrDefault(p, "?")));
        updateFile.setWidth("36em");
        updateFile.addValueChangeListener(e -> {
            if (!refreshing) {
                forget();
            }
        });
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
        onStick.setPadding(false);
        onStick.add(new H3(getTranslation("supervisor.update.stickTitle")), updateFile, reinstall, verify, progress,
                progressText, verifyResult, backupStep, install, installResult);
    }

    private void configureBackup() {
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
        backupStep.add(new H3(getTranslation("supervisor.update.backupTitle")),
                new Paragraph(getTranslation("supervisor.update.backupIntro")),
                backupStick, new HorizontalLayout(backup, skipBackup), backupResult);
    }

    private void configureStatus() {
        status.setId("update-status");
        status.addClassName("supervisor-update-status");
        restart.setId("update-restart");
        restart.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS, ButtonVariant.LUMO_LARGE);
        restart.addClickListener(e -> restart());
    }

    @Override
    protected void onAttach(AttachEvent e) {
        super.onAttach(e);
        refresh();
        UI ui = e.getUI();
        ui.setPollInterval(POLL_MS);
        poll = ui.addPollListener(p -> refreshStatus());
    }

    @Override
    protected void onDetach(DetachEvent e) {
        if (poll != null) {
            poll.remove();
            poll = null;
        }
        e.getUI().setPollInterval(-1);
        super.onDetach(e);
    }

    private UpdateService updates() {
        return updates.getObject();
    }

    /** Shows the running version, the status and the sticks again; outside an appliance image only that it is none. */
    void refresh() {
        restarting = false;
        RunningImage r = updates().running();
        boolean appliance = r instanceof RunningImage.Version;
        running.setText(appliance ? getTranslation("supervisor.update.running", ((RunningImage.Version) r).version())
                : getTranslation("supervisor.update.notAppliance"));
        onStick.setVisible(appliance);
        status.setVisible(appliance);
        if (appliance) {
            refreshStatus();
            refreshSticks();
        } else {
            restart.setVisible(false);
        }
    }

    /** Reads the system's update status (also every 2 seconds while the tab is shown). */
    void refreshStatus() {
        UpdateService u = updates();
        if (!(u.running() instanceof RunningImage.Version now)) {
            return;
        }
        if (restarting) {
            return;
        }
        UpdateStatus s = u.status();
        String v = s.version().orElse("?");
        status.setText(switch (s.phase()) {
            case NONE -> getTranslation("supervisor.update.status.none");
            case REQUESTED -> getTranslation("supervisor.update.status.requested", v);
            case WRITING -> getTranslation("supervisor.update.status.writing", v);
            case READY -> getTranslation("supervisor.update.status.ready", v);
            case FAILED -> getTranslation("supervisor.update.status.failed", v, Sentence.of(s.message()));
            case RESTARTED -> sameVersion(s, now.version())
                    ? getTranslation("supervisor.update.status.installed", v)
                    : getTranslation("supervisor.update.status.fellBack", v, now.version());
            case UNREADABLE -> Sentence.of(s.message());
        });
        boolean ready = s.phase() == UpdateStatus.Phase.READY;
        restart.setVisible(ready);
        restart.setText(getTranslation("supervisor.update.restart", v));
        boolean waiting = s.phase() == UpdateStatus.Phase.REQUESTED || s.phase() == UpdateStatus.Phase.WRITING;
        install.setEnabled(!busy && !waiting && verified != null && backupSettled);
    }

    private static boolean sameVersion(UpdateStatus s, ImageVersion running) {
        try {
            return s.version().isPresent() && ImageVersion.parse(s.version().get()).equals(running);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    void refreshSticks() {
        List<Stick> sticks = devices.sticks();
        Sticks.refresh(backupStick, sticks);
        UpdateService u = updates();
        List<Path> found = new ArrayList<>();
        stickOf.clear();
        for (Stick s : sticks) {
            for (Path p : u.find(s.root())) {
                found.add(p);
                stickOf.put(p, s.label());
            }
        }
        Path selected = updateFile.getValue();
        refreshing = true;
        try {
            updateFile.setItems(found);
            if (selected != null && found.contains(selected)) {
                updateFile.setValue(selected);
            } else if (found.size() == 1) {
                updateFile.setValue(found.get(0));
            }
        } finally {
            refreshing = false;
        }
        if (!java.util.Objects.equals(selected, updateFile.getValue())) {
            forget();
        }
        updateFile.setHelperText(found.isEmpty() ? getTranslation("supervisor.update.none") : null);
        showSteps();
    }

    /** A new choice of file or of "reinstall": verify again, and decide on the backup again. */
    private void forget() {
        verified = null;
        backupSettled = false;
        verifyResult.setText("");
        backupResult.setText("");
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
        backup.setEnabled(!busy && !backupSettled);
        skipBackup.setEnabled(!busy && !backupSettled);
        refreshStatus();
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
        work.run(UI.getCurrent(), bar -> updates().check(file, again, (step, done, total) ->
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
        started();
        backupResult.setText(getTranslation("supervisor.update.backupRunning"));
        work.run(UI.getCurrent(), bar -> {
            try (p) {
                return backups.getObject().backup(target.root(), p, actor);
            }
        }, (f, t) -> { }, (BackupResult r) -> {
            finished();
            backupSettled = true;
            backupResult.addClassName("supervisor-ok");
            backupResult.setText(getTranslation("supervisor.update.backupDone", r.file().getFileName(), target.label()));
            showSteps();
        }, e -> {
            finished();
            backupResult.removeClassName("supervisor-ok");
            backupResult.setText(getTranslation("supervisor.update.backupFailed", Sentence.of(e)));
            showSteps();
        });
    }

    void skipBackup() {
        backupSettled = true;
        backupResult.removeClassName("supervisor-ok");
        backupResult.setText(getTranslation("supervisor.update.skipped"));
        showSteps();
    }

    void install() {
        UpdateCheck.Verified v = verified;
        if (v == null || !backupSettled) {
            return;
        }
        Actor actor = session.actor();
        started();
        install.setEnabled(false);
        installResult.removeClassName("supervisor-ok");
        installResult.setText(getTranslation("supervisor.update.installing", v.manifest().version()));
        work.run(UI.getCurrent(), bar -> updates().stage(v, actor, (step, done, total) ->
                bar.report(total == 0 ? 0 : (double) done / total, step.name())), this::progress,
                (StagedUpdate s) -> {
                    finished();
                    verified = null;
                    backupSettled = false;
                    installResult.addClassName("supervisor-ok");
                    installResult.setText(getTranslation("supervisor.update.staged", s.version()));
                    showSteps();
                }, e -> {
                    finished();
                    installResult.setText(getTranslation("supervisor.update.stageFailed", Sentence.of(e)));
                    showSteps();
                });
    }

    void restart() {
        Actor actor = session.actor();
        restart.setEnabled(false);
        work.run(UI.getCurrent(), bar -> updates().restart(actor), (f, t) -> { }, (ImageVersion v) -> {
            restarting = true;
            restart.setVisible(false);
            status.setText(getTranslation("supervisor.update.restarting", v));
        }, e -> {
            restart.setEnabled(true);
            status.setText(getTranslation("supervisor.update.restartFailed", Sentence.of(e)));
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
        progressText.setText(getTranslation("supervisor.update.progress." + step.toLowerCase(java.util.Locale.ROOT),
                Math.round(fraction * 100)));
    }

    private void failed(Exception e) {
        finished();
        verifyResult.removeClassName("supervisor-ok");
        verifyResult.setText(getTranslation("supervisor.update.refused", Sentence.of(e)));
        showSteps();
    }
}
