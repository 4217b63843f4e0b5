package dev.airlock.kiosk.home;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.airlock.appliance.devices.Stick;
import dev.airlock.appliance.devices.StickKind;
import dev.airlock.appliance.gateway.GatewayService;
import dev.airlock.appliance.collect.Collect;
import dev.airlock.appliance.inventory.InventoryService;
import dev.airlock.appliance.inventory.ProductState;
import dev.airlock.appliance.inventory.StatusReport;
import dev.airlock.appliance.enroll.Enroll;
import dev.airlock.appliance.enroll.TrustedPeer;
import dev.airlock.appliance.ledger.BundleLedger;
import dev.airlock.appliance.merge.MergeService;
import dev.airlock.appliance.store.ApplianceInfo;
import dev.airlock.kiosk.core.Devices;
import dev.airlock.kiosk.core.Routes;
import dev.airlock.kiosk.ui.Bars;
import dev.airlock.kiosk.ui.LeftOut;
import dev.airlock.kiosk.ui.MainLayout;
import dev.airlock.kiosk.ui.StateBadge;
import java.util.ArrayList;
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
    /** One next step: words and the route that does it. */
    record Step(String text, String route) {}

    final Div steps = new Div();
    final Div totals = new Div();
    /** How many products need no CID and why ("3 products left out: 2 already licensed, 1 KMS client"). */
    final Paragraph leftOut = new Paragraph();
    final Div groups = new Div();
    final Div gatewaySummary = new Div();
    final Paragraph stillOut = new Paragraph();
    Bars bars;
    private final ObjectProvider<ApplianceInfo> info;
    private final ObjectProvider<InventoryService> inventory;
    private final ObjectProvider<BundleLedger> ledger;
    private final ObjectProvider<Collect> intake;
    private final ObjectProvider<MergeService> merge;
    private final ObjectProvider<GatewayService> gateway;
    private final ObjectProvider<Enroll> trust;
    private final Devices devices;

    public HomeView(ObjectProvider<ApplianceInfo> info, ObjectProvider<InventoryService> inventory,
            ObjectProvider<BundleLedger> ledger, ObjectProvider<Collect> intake,
            ObjectProvider<MergeService> merge, ObjectProvider<GatewayService> gateway,
            ObjectProvider<Enroll> trust, Devices devices) {
        this.info = info;
        this.inventory = inventory;
        this.ledger = ledger;
        this.intake = intake;
        this.merge = merge;
        this.gateway = gateway;
        this.trust = trust;
        this.devices = devices;
        addClassNames("kiosk-view", "home-view");
        steps.addClassName("home-steps");
        totals.addClassName("home-totals");
        leftOut.setId("home-left-out");
        leftOut.addClassName("home-left-out");
        leftOut.setVisible(false);
        groups.addClassName("home-groups");
        gatewaySummary.addClassName("home-gateway");
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
        devices.onMedia(this, e -> refresh());
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
            showGateway();
            showSteps(gatewaySteps(devices.sticks()));
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
        showGroups(status);
        showSteps(labSteps(status, devices.sticks()));
        showStillOut(ledger.getObject().outstanding());
    }

    private void showSteps(List<Step> list) {
        steps.removeAll();
        for (int i = 0; i < list.size(); i++) {
            Step s = list.get(i);
            Button b = new Button(s.text(), VaadinIcon.ARROW_RIGHT.create());
            b.setIconAfterText(true);
            b.setId("home-next-step-" + i);
            b.addClassName("home-step");
            b.addThemeVariants(ButtonVariant.LUMO_LARGE, i == 0 ? ButtonVariant.LUMO_PRIMARY
                    : ButtonVariant.LUMO_CONTRAST);
            b.getElement().setAttribute("data-route", s.route());
            b.addClickListener(e -> getUI().ifPresent(ui -> ui.navigate(s.route())));
            steps.add(b);
        }
    }

    /** Collected and result files on {@code s} not taken in yet. */
    int newFiles(Stick s) {
        return intake.getObject().countNew(s.root(), MAX_FILE_BYTES).total();
    }

    /** Larger files count as new without being read (intake says what is wrong with them). */
    static final long MAX_FILE_BYTES = 8L << 20;

    /** The next steps of a lab, most urgent first: sticks present, then the products' states. */
    List<Step> labSteps(StatusReport status, List<Stick> sticks) {
        List<Step> out = new ArrayList<>();
        boolean labStickWithFiles = false;
        for (Stick s : sticks) {
            if (s.kind() == StickKind.TRANSFER && s.responseFiles() > 0
                    && merge.getObject().countUnmerged(s.root()) > 0) {
                out.add(new Step(getTranslation("home.step.response", s.label()), "import"));
            }
            if (s.kind() == StickKind.LAB && s.collectedFiles() + s.resultFiles() > 0) {
                labStickWithFiles = true;
                // only files not taken in yet (by content): an old stick does not call for work
                int fresh = newFiles(s);
                if (fresh > 0) {
                    out.add(new Step(getTranslation("home.step.labStick", fresh, s.label()), "collect"));
                }
            }
        }
        Map<ProductState, Long> n = status.byState();
        if (n.get(ProductState.COLLECTED) > 0) {
            out.add(new Step(getTranslation("home.step.export", n.get(ProductState.COLLECTED)), "export"));
        }
        if (n.get(ProductState.CID_RECEIVED) > 0) {
            out.add(new Step(getTranslation("home.step.apply", n.get(ProductState.CID_RECEIVED)), "apply"));
        }
        if (n.get(ProductState.REUSABLE) > 0) {
            out.add(new Step(getTranslation("home.step.reuse", n.get(ProductState.REUSABLE)), "reimage"));
        }
        if (n.get(ProductState.EXPORTED) > 0) {
            out.add(new Step(getTranslation("home.step.exported", n.get(ProductState.EXPORTED)), "import"));
        }
        long trouble = n.get(ProductState.REJECTED) + n.get(ProductState.APPLY_FAILED);
        if (trouble > 0) {
            out.add(new Step(getTranslation("home.step.trouble", trouble), "machines"));
        }
        if (status.products() > 0 && n.get(ProductState.VERIFIED) == status.products()) {
            out.add(new Step(getTranslation("home.step.allVerified", status.products()), "machines"));
        } else if (status.products() > 0 && n.get(ProductState.NOT_NEEDED) > 0
                && n.get(ProductState.VERIFIED) + n.get(ProductState.NOT_NEEDED) == status.products()) {
            out.add(new Step(getTranslation("home.step.allDone", n.get(ProductState.VERIFIED),
                    n.get(ProductState.NOT_NEEDED)), "machines"));
        }
        if (!labStickWithFiles) {
            out.add(new Step(getTranslation(status.products() == 0 ? "home.step.insertFirst" : "home.step.insert"),
                    "collect"));
        }
        return out;
    }

    List<Step> gatewaySteps(List<Stick> sticks) {
        List<Step> out = new ArrayList<>();
        for (Stick s : sticks) {
            if (s.kind() == StickKind.TRANSFER && s.requestFiles() > 0) {
                out.add(new Step(getTranslation("home.step.request", s.label()), "gateway"));
            }
        }
        if (out.isEmpty()) {
            out.add(new Step(getTranslation("home.step.insertRequest"), "gateway"));
        }
        return out;
    }

    /** "2 requests are still out (38 products) since …"; hidden when nothing is out. */
    private void showStillOut(BundleLedger.Outstanding out) {
        stillOut.setVisible(out.requests() > 0);
        stillOut.setText(out.requests() == 0 ? "" : getTranslation("home.stillOut", out.requests(), out.records(),
                out.since().map(t -> WHEN.format(t)).orElse("")));
    }

    private static final java.time.format.DateTimeFormatter WHEN = java.time.format.DateTimeFormatter
            .ofPattern("yyyy-MM-dd HH:mm").withZone(java.time.ZoneId.systemDefault());

    private void showTotals(StatusReport status, long saved) {
        totals.removeAll();
        totals.add(fact("home-machines", getTranslation("home.machines"), status.machines()),
                fact("home-products", getTranslation("home.products"), status.products()),
                fact("home-saved", getTranslation("home.saved"), saved));
    }

    private static Div fact(String id, String label, long value) {
        Div d = new Div();
        d.setId(id);
        d.addClassName("home-fact");
        Span v = new Span(String.format("%,d", value));
        v.addClassName("home-fact-value");
        Span l = new Span(label);
        l.addClassName("home-fact-label");
        d.add(v, l);
        return d;
    }

    private void showGroups(StatusReport status) {
        groups.removeAll();
        if (status.byGroup().isEmpty()) {
            groups.add(new Span(getTranslation("home.noProducts")));
            return;
        }
        status.byGroup().forEach((name, counts) -> {
            Div row = new Div();
            row.addClassName("home-group");
            long total = counts.values().stream().mapToLong(Long::longValue).sum();
            Span title = new Span(name.isEmpty() ? getTranslation("home.noGroup") : name);
            title.addClassName("home-group-name");
            Span count = new Span(getTranslation("home.groupTotal", total));
            count.addClassName("home-group-total");
            row.add(title, count);
            counts.forEach((state, c) -> {
                if (c > 0) {
                    Span part = new Span(new StateBadge(state), new Span(" " + String.format("%,d", c)));
                    part.addClassName("home-group-state");
                    row.add(part);
                }
            });
            groups.add(row);
        });
    }

    private void showGateway() {
        gatewaySummary.removeAll();
        GatewayService.CacheSummary c = gateway.getObject().cacheSummary();
        gatewaySummary.add(fact("home-cids", getTranslation("home.gateway.cids"), c.cids()),
                fact("home-errors", getTranslation("home.gateway.errors"), c.errors()),
                fact("home-inflight", getTranslation("home.gateway.inFlight"), c.inFlight()));
        List<TrustedPeer> peers = trust.getObject().list().stream()
                .filter(p -> p.role() == ApplianceInfo.Role.LAB).toList();
        Div labs = new Div();
        labs.setId("home-trusted-labs");
        labs.addClassName("home-labs");
        labs.add(new H2(getTranslation("home.gateway.labs", peers.size())));
        for (TrustedPeer p : peers) {
            Div row = new Div(new Span(p.label()), new Span(" · " + p.fingerprint()));
            row.addClassName("home-lab");
            labs.add(row);
        }
        if (peers.isEmpty()) {
            labs.add(new Span(getTranslation("home.gateway.noLabs")));
        }
        gatewaySummary.add(labs);
    }
}
