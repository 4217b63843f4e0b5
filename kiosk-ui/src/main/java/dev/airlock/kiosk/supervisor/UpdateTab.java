package dev.airlock.kiosk.supervisor;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.shared.Registration;
import com.vaadin.flow.spring.annotation.SpringComponent;
import dev.airlock.appliance.backup.BackupService;
import dev.airlock.appliance.update.RunningImage;
import dev.airlock.appliance.update.UpdateService;
import dev.airlock.kiosk.core.BackgroundWork;
import dev.airlock.kiosk.core.Devices;
import dev.airlock.kiosk.core.KioskSession;
import dev.airlock.kiosk.core.Seal;
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

    final Paragraph running = new Paragraph();
    final UpdateStatusLine statusLine;
    final UpdateFromStick onStick;
    private final ObjectProvider<UpdateService> updates;
    private final Devices devices;
    private Registration poll;

    UpdateTab(ObjectProvider<BackupService> backups, ObjectProvider<UpdateService> updates, KioskSession session,
            Seal seal, Devices devices, BackgroundWork work) {
        this.updates = updates;
        this.devices = devices;
        this.statusLine = new UpdateStatusLine(updates, session, work);
        this.onStick = new UpdateFromStick(backups, updates, session, seal, work, this::refreshStatus);
        addClassName("supervisor-update");
        running.setId("update-running");
        running.addClassName("supervisor-update-running");
        add(new H2(getTranslation("supervisor.update.title")), running, statusLine.status, statusLine.restart, onStick,
                new Paragraph(getTranslation("supervisor.update.intro")));
        devices.onSticksChanged(this, this::refreshSticks);
        refresh();
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

    /** Shows the running version, the status and the sticks again; outside an appliance image only that it is none. */
    void refresh() {
        statusLine.reset();
        RunningImage r = updates.getObject().running();
        boolean appliance = r instanceof RunningImage.Version;
        running.setText(appliance ? getTranslation("supervisor.update.running", ((RunningImage.Version) r).version())
                : getTranslation("supervisor.update.notAppliance"));
        onStick.setVisible(appliance);
        statusLine.status.setVisible(appliance);
        if (appliance) {
            refreshStatus();
            refreshSticks();
        } else {
            statusLine.restart.setVisible(false);
        }
    }

    /** Reads the system's update status (also every 2 seconds while the tab is shown). */
    void refreshStatus() {
        statusLine.refresh().ifPresent(onStick::statusRead);
    }

    void refreshSticks() {
        onStick.refreshSticks(devices.sticks());
    }
}
