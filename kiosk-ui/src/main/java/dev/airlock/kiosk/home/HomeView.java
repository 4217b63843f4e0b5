package dev.airlock.kiosk.home;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.airlock.appliance.collect.Collect;
import dev.airlock.appliance.enroll.Enroll;
import dev.airlock.appliance.enroll.TrustedPeer;
import dev.airlock.appliance.gateway.Gateway;
import dev.airlock.appliance.inventory.InventoryService;
import dev.airlock.appliance.inventory.StatusReport;
import dev.airlock.appliance.ledger.BundleLedger;
import dev.airlock.appliance.merge.Merge;
import dev.airlock.appliance.store.ApplianceInfo;
import dev.airlock.kiosk.core.Devices;
import dev.airlock.kiosk.core.Routes;
import dev.airlock.kiosk.ui.Bars;
import dev.airlock.kiosk.ui.LeftOut;
import dev.airlock.kiosk.ui.MainLayout;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The dashboard: counts per state and per group, and the next step in plain words as big
 * buttons that go where that step is done. On a gateway: the cache summary and trusted labs.
 */
@Route(value = Routes.HOME, layout = MainLayout.class)
@PageTitle("Airlock · Home")
public class HomeView extends VerticalLayout implements BeforeEnterObserver {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    final NextSteps steps;
    final Div totals = new Div();
    /** How many products need no CID and why ("3 products left out: 2 already licensed, 1 KMS client"). */
    final Paragraph leftOut = new Paragraph();
    final GroupCounts groups = new GroupCounts();
    final GatewaySummary gatewaySummary = new GatewaySummary();
    final Paragraph stillOut = new Paragraph();
    Bars bars;
    private final ObjectProvider<ApplianceInfo> info;
    private final ObjectProvider<InventoryService> inventory;
    private final ObjectProvider<BundleLedger> ledger;
    private final ObjectProvider<Gateway> gateway;
    private final ObjectProvider<Enroll> trust;
    private final Devices devices;

    public HomeView(ObjectProvider<ApplianceInfo> info, ObjectProvider<InventoryService> inventory,
            ObjectProvider<BundleLedger> ledger, ObjectProvider<Collect> intake,
            ObjectProvider<Merge> merge, ObjectProvider<Gateway> gateway,
            ObjectProvider<Enroll> trust, Devices devices) {
        this.info = info;
        this.inventory = inventory;
        this.ledger = ledger;
        this.gateway = gateway;
        this.trust = trust;
        this.devices = devices;
        this.steps = new NextSteps(intake, merge);
        addClassNames("kiosk-view", "home-view");
        totals.addClassName("home-totals");
        leftOut.setId("home-left-out");
        leftOut.addClassName("home-left-out");
        leftOut.setVisible(false);
        add(new H1(getTranslation("home.title")), steps);
        if (isGateway()) {
            add(new H2(getTranslation("home.gateway.title")), gatewaySummary);
        } else {
            stillOut.setId("home-still-out");
            stillOut.addClassName("home-still-out");
            add(stillOut, totals, leftOut, new H2(getTranslation("home.byState")));
            bars = new Bars(Map.of());
            add(bars, new H2(getTranslation("home.byGroup")), groups);
        }
        devices.onSticksChanged(this, this::refresh);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        refresh();
    }

    private boolean isGateway() {
        return info.getObject().role() == ApplianceInfo.Role.GATEWAY;
    }

    /** Reads the counts and sticks again and redraws. */
    void refresh() {
        if (isGateway()) {
            Gateway.CacheSummary cache = gateway.getObject().cacheSummary();
            List<TrustedPeer> labs = trust.getObject().list().stream()
                    .filter(p -> p.role() == ApplianceInfo.Role.LAB).toList();
            gatewaySummary.show(cache, labs);
            steps.show(steps.gatewaySteps(devices.sticks()));
            return;
        }
        InventoryService inventory = this.inventory.getObject();
        StatusReport status = inventory.status();
        showTotals(status, inventory.activationsSaved());
        String out = LeftOut.text(this, "home.leftOut", status.notNeeded());
        leftOut.setText(out);
        leftOut.setVisible(!out.isEmpty());
        Bars fresh = new Bars(status.byState());
        fresh.setId("home-bars");
        replace(bars, fresh);
        bars = fresh;
        groups.show(status);
        steps.show(steps.labSteps(status, devices.sticks()));
        showStillOut(ledger.getObject().outstanding());
    }

    /** "2 requests are still out (38 products) since …"; hidden when nothing is out. */
    private void showStillOut(BundleLedger.Outstanding out) {
        stillOut.setVisible(out.requests() > 0);
        stillOut.setText(out.requests() == 0 ? "" : getTranslation("home.stillOut", out.requests(), out.records(),
                out.since().map(t -> WHEN.format(t)).orElse("")));
    }

    private void showTotals(StatusReport status, long saved) {
        totals.removeAll();
        totals.add(Facts.fact("home-machines", getTranslation("home.machines"), status.machines()),
                Facts.fact("home-products", getTranslation("home.products"), status.products()),
                Facts.fact("home-saved", getTranslation("home.saved"), saved));
    }
}
