package dev.airlock.kiosk.supervisor;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.progressbar.ProgressBar;
import dev.airlock.appliance.audit.Actor;
import dev.airlock.appliance.backup.RestoreResult;
import dev.airlock.appliance.keys.Passphrase;
import dev.airlock.appliance.store.ApplianceInfo;
import dev.airlock.formats.outside.OutsideText;
import dev.airlock.kiosk.core.ApplianceHolder;
import dev.airlock.kiosk.core.BackgroundWork;
import dev.airlock.kiosk.core.KioskSession;
import dev.airlock.kiosk.core.Routes;
import dev.airlock.kiosk.core.Seal;
import dev.airlock.kiosk.ui.Sentence;
import java.nio.file.Path;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;

/** The backup tab's restore: a backup file from a stick, the warning and passphrase, then seal and unlock. */
final class RestoreSection {
    final ComboBox<Path> restoreFile = new ComboBox<>();
    final Button restore = new Button();
    final Div restoreMessage = new Div();
    final RestoreDialog restoreDialog = new RestoreDialog(this::restore);
    /** The last restore done from this screen (for the result line and tests). */
    RestoreResult lastRestore;
    private final ApplianceHolder holder;
    private final ObjectProvider<ApplianceInfo> info;
    private final KioskSession session;
    private final Seal seal;
    private final BackgroundWork work;
    private final ProgressBar progress;

    /** Shows a running restore on {@code progress}. */
    RestoreSection(ApplianceHolder holder, ObjectProvider<ApplianceInfo> info, KioskSession session, Seal seal,
            BackgroundWork work, ProgressBar progress) {
        this.holder = holder;
        this.info = info;
        this.session = session;
        this.seal = seal;
        this.work = work;
        this.progress = progress;
        restoreFile.setId("restore-file");
        restoreFile.setLabel(restoreFile.getTranslation("supervisor.restore.file"));
        restoreFile.setItemLabelGenerator(p -> OutsideText.shown(p.getFileName() + " (" + p.getParent() + ")"));
        restoreFile.setWidth("36em");
        restore.setId("restore-open");
        restore.setText(restore.getTranslation("supervisor.restore.open"));
        restore.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_LARGE);
        restore.addClickListener(e -> openRestore());
        restoreMessage.setId("restore-message");
        restoreMessage.addClassName("supervisor-message");
    }

    /** Offers the backup {@code files} found, keeping the choice while its file is still there. */
    void showFiles(List<Path> files) {
        Sticks.offer(restoreFile, files);
    }

    void openRestore() {
        restoreMessage.setText("");
        Path file = restoreFile.getValue();
        if (file == null) {
            restoreMessage.setText(restoreMessage.getTranslation("supervisor.restore.pickFile"));
            return;
        }
        restoreDialog.ask(restoreMessage.getTranslation("supervisor.restore.warning", file.getFileName(),
                info.getObject().displayName()));
    }

    /** Restores the chosen backup over the running store, then seals and goes to the unlock screen. */
    void restore() {
        Path file = restoreFile.getValue();
        if (file == null || !restoreDialog.passphraseTyped()) {
            restoreMessage.setText(restoreMessage.getTranslation("supervisor.restore.pickFile"));
            return;
        }
        Passphrase p = restoreDialog.take();
        Actor actor = session.actor();
        UI ui = UI.getCurrent();
        restore.setEnabled(false);
        progress.setVisible(true);
        restoreMessage.setText(restoreMessage.getTranslation("supervisor.restore.running"));
        work.run(ui, bar -> {
            try (p) {
                return holder.restore(file, p, actor);
            }
        }, (f, t) -> { }, this::restored, e -> {
            restore.setEnabled(true);
            progress.setVisible(false);
            restoreMessage.setText(restoreMessage.getTranslation("supervisor.restore.failed", Sentence.of(e)));
        });
    }

    private void restored(RestoreResult r) {
        restore.setEnabled(true);
        progress.setVisible(false);
        String done = restoreMessage.getTranslation("supervisor.restore.done", r.applianceName(), r.machines(),
                r.products());
        restoreMessage.setText(done);
        lastRestore = r;
        seal.seal();
        session.signOut();
        restoreMessage.getUI().ifPresent(ui -> {
            Notification.show(done, 8000, Notification.Position.MIDDLE);
            ui.navigate(Routes.UNLOCK);
        });
    }
}
