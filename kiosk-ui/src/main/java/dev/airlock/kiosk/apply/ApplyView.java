package dev.airlock.kiosk.apply;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.airlock.appliance.apply.Apply;
import dev.airlock.appliance.collect.Collect;
import dev.airlock.appliance.devices.Stick;
import dev.airlock.appliance.store.ApplianceInfo;
import dev.airlock.kiosk.core.BackgroundWork;
import dev.airlock.kiosk.core.Devices;
import dev.airlock.kiosk.core.ForRole;
import dev.airlock.kiosk.core.KioskSession;
import dev.airlock.kiosk.ui.MainLayout;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Apply: write the activation kit onto the lab stick, show one product's CID in 8 big lettered
 * groups for typing at the machine (then mark it applied), and take the result files the
 * collector's Apply wrote back from the stick.
 */
@Route(value = "apply", layout = MainLayout.class)
@PageTitle("Airlock · Apply")
@ForRole(ApplianceInfo.Role.LAB)
public class ApplyView extends VerticalLayout {
    final Span error = new Span();
    final ApplyKitPanel kitPanel;
    final ApplyMachinesPanel machinesPanel;
    final ApplyResultsPanel resultsPanel;

    private final Devices devices;

    public ApplyView(ObjectProvider<Apply> apply, ObjectProvider<Collect> intake, KioskSession session,
            Devices devices, BackgroundWork work) {
        this.devices = devices;
        this.kitPanel = new ApplyKitPanel(apply, session, devices, work, error::setText, this::stickChosen);
        this.machinesPanel = new ApplyMachinesPanel(apply, session, error::setText,
                () -> kitPanel.kitResult.setText(""));
        this.resultsPanel = new ApplyResultsPanel(intake, session, work, kitPanel.stick::getValue, error::setText,
                this::imported, kitPanel::stickChosen);
        addClassNames("kiosk-view", "apply-view");
        error.addClassName("form-error");
        add(new H1(getTranslation("apply.title")), new Paragraph(getTranslation("apply.intro")), error,
                new H2(getTranslation("apply.kit.title")), kitPanel,
                new H2(getTranslation("apply.machines.title")), machinesPanel,
                new H2(getTranslation("apply.results.title")), resultsPanel);
        devices.onSticksChanged(this, () -> showSticks(devices.sticks()));
        showSticks(devices.sticks());
        machinesPanel.refreshMachines();
    }

    /** Shows the sticks the kit may go on: lab sticks and empty ones (never a transfer stick). */
    void showSticks(List<Stick> sticks) {
        kitPanel.showSticks(sticks);
    }

    private void stickChosen(Stick s) {
        resultsPanel.showStick(s);
    }

    /** Result files were taken in: the machines waiting change, the stick's count too. */
    private void imported() {
        machinesPanel.refreshMachines();
        devices.media().pollNow();
        kitPanel.stickChosen();
    }
}
