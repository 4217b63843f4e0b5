package dev.airlock.kiosk.supervisor;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import dev.airlock.appliance.audit.Actor;
import dev.airlock.appliance.update.ImageVersion;
import dev.airlock.appliance.update.RunningImage;
import dev.airlock.appliance.update.UpdateService;
import dev.airlock.appliance.update.UpdateStatus;
import dev.airlock.kiosk.core.BackgroundWork;
import dev.airlock.kiosk.core.KioskSession;
import dev.airlock.kiosk.ui.Sentence;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;

/** The update tab's status line (what the system did with a staged update) and the restart into a written one. */
final class UpdateStatusLine {
    final Div status = new Div();
    final Button restart = new Button();
    private final ObjectProvider<UpdateService> updates;
    private final KioskSession session;
    private final BackgroundWork work;
    /** Set once the restart was asked for: the status stays "Restarting..." until the screen goes. */
    private boolean restarting;

    UpdateStatusLine(ObjectProvider<UpdateService> updates, KioskSession session, BackgroundWork work) {
        this.updates = updates;
        this.session = session;
        this.work = work;
        status.setId("update-status");
        status.addClassName("supervisor-update-status");
        restart.setId("update-restart");
        restart.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS, ButtonVariant.LUMO_LARGE);
        restart.addClickListener(e -> restart());
    }

    /** The screen is shown again: the status is read again even after a restart was asked for. */
    void reset() {
        restarting = false;
    }

    /** Reads and shows the system's update status; empty outside an appliance image and while restarting. */
    Optional<UpdateStatus> refresh() {
        UpdateService u = updates.getObject();
        if (!(u.running() instanceof RunningImage.Version now)) {
            return Optional.empty();
        }
        if (restarting) {
            return Optional.empty();
        }
        UpdateStatus s = u.status();
        String v = s.version().orElse("?");
        status.setText(switch (s.phase()) {
            case NONE -> status.getTranslation("supervisor.update.status.none");
            case REQUESTED -> status.getTranslation("supervisor.update.status.requested", v);
            case WRITING -> status.getTranslation("supervisor.update.status.writing", v);
            case READY -> status.getTranslation("supervisor.update.status.ready", v);
            case FAILED -> status.getTranslation("supervisor.update.status.failed", v, Sentence.of(s.message()));
            case RESTARTED -> sameVersion(s, now.version())
                    ? status.getTranslation("supervisor.update.status.installed", v)
                    : status.getTranslation("supervisor.update.status.fellBack", v, now.version());
            case UNREADABLE -> Sentence.of(s.message());
        });
        boolean ready = s.phase() == UpdateStatus.Phase.READY;
        restart.setVisible(ready);
        restart.setText(status.getTranslation("supervisor.update.restart", v));
        return Optional.of(s);
    }

    private static boolean sameVersion(UpdateStatus s, ImageVersion running) {
        try {
            return s.version().isPresent() && ImageVersion.parse(s.version().get()).equals(running);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    void restart() {
        Actor actor = session.actor();
        restart.setEnabled(false);
        work.run(UI.getCurrent(), bar -> updates.getObject().restart(actor), (f, t) -> { }, (ImageVersion v) -> {
            restarting = true;
            restart.setVisible(false);
            status.setText(status.getTranslation("supervisor.update.restarting", v));
        }, e -> {
            restart.setEnabled(true);
            status.setText(status.getTranslation("supervisor.update.restartFailed", Sentence.of(e)));
        });
    }
}
