package dev.airlock.kiosk.machines;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.airlock.appliance.audit.AuditEntry;
import dev.airlock.appliance.audit.AuditService;
import dev.airlock.appliance.collect.Collect;
import dev.airlock.appliance.inventory.InventoryService;
import dev.airlock.appliance.inventory.Machine;
import dev.airlock.appliance.inventory.MachineChange;
import dev.airlock.appliance.inventory.MachineDetail;
import dev.airlock.appliance.inventory.Product;
import dev.airlock.appliance.store.ApplianceInfo;
import dev.airlock.formats.kit.MachineIdentity;
import dev.airlock.formats.outside.OutsideText;
import dev.airlock.kiosk.core.ForRole;
import dev.airlock.kiosk.core.KioskSession;
import dev.airlock.kiosk.ui.GroupedDigits;
import dev.airlock.kiosk.ui.MainLayout;
import dev.airlock.kiosk.ui.StateBadge;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;

/** One machine: its facts, its products with state, IID and CID, its history and its audit rows. */
@Route(value = "machines/:key", layout = MainLayout.class)
@PageTitle("Airlock · Machine")
@ForRole(ApplianceInfo.Role.LAB)
public class MachineDetailView extends VerticalLayout implements BeforeEnterObserver {
    static final int AUDIT_ROWS = 100;

    final H1 title = new H1();
    final Div facts = new Div();
    final Div products = new Div();
    final Div history = new Div();
    final Div audit = new Div();
    final Button back = new Button();
    final GroupAssign assign;
    private final ObjectProvider<InventoryService> inventory;
    private final ObjectProvider<AuditService> auditLog;
    private final KioskSession session;
    private long machineId = -1;

    public MachineDetailView(ObjectProvider<InventoryService> inventory, ObjectProvider<Collect> collect,
            ObjectProvider<AuditService> auditLog, KioskSession session) {
        this.inventory = inventory;
        this.auditLog = auditLog;
        this.session = session;
        addClassNames("kiosk-view", "machine-view");
        back.setId("machine-back");
        back.setText(getTranslation("machine.back"));
        back.setIcon(VaadinIcon.ARROW_LEFT.create());
        back.addThemeVariants(ButtonVariant.LUMO_LARGE, ButtonVariant.LUMO_TERTIARY);
        back.addClickListener(e -> getUI().ifPresent(ui -> ui.navigate(MachinesView.class)));
        facts.setId("machine-facts");
        facts.addClassName("machine-facts");
        products.setId("machine-products");
        products.addClassName("machine-products");
        history.setId("machine-history");
        history.addClassName("machine-history");
        audit.setId("machine-audit");
        audit.addClassName("machine-audit");
        assign = new GroupAssign("machine", inventory, collect, session,
                () -> machineId < 0 ? List.of() : List.of(machineId),
                () -> show(inventory.getObject().machine(String.valueOf(machineId))));
        add(back, title, facts, assign, new H2(getTranslation("machine.products")), products,
                new H2(getTranslation("machine.history")), history, new H2(getTranslation("machine.audit")), audit);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String key = event.getRouteParameters().get("key").orElse("");
        show(inventory.getObject().machine(key));
    }

    void show(Optional<MachineDetail> detail) {
        facts.removeAll();
        products.removeAll();
        history.removeAll();
        audit.removeAll();
        if (detail.isEmpty()) {
            title.setText(getTranslation("machine.notFound"));
            machineId = -1;
            assign.setVisible(false);
            return;
        }
        MachineDetail d = detail.get();
        Machine m = d.machine();
        machineId = m.id();
        assign.setVisible(true);
        assign.update();
        title.setText(OutsideText.shown(m.hostName()));
        showFacts(m);
        d.products().forEach(this::showProduct);
        if (d.history().isEmpty()) {
            history.add(new Span(getTranslation("machine.noHistory")));
        }
        for (MachineChange c : d.history()) {
            Div row = new Div();
            row.addClassName("machine-change");
            row.add(new Span(MachinesView.WHEN.format(c.at())), new Span(getTranslation("machine.change", c.field(),
                    c.oldValue().isEmpty() ? "—" : c.oldValue(), c.newValue().isEmpty() ? "—" : c.newValue(),
                    c.source())));
            history.add(row);
        }
        showAudit(d);
    }

    private void showFacts(Machine m) {
        MachineIdentity id = m.identity();
        fact("machine.group", m.group().isEmpty() ? getTranslation("machine.noGroup") : m.group());
        fact("machine.domain", id.domain());
        fact("machine.fqdn", id.fqdn());
        fact("machine.os", String.join(" ", id.osCaption(), id.osVersion()).strip());
        fact("machine.serial", id.serialNumber());
        fact("machine.uuid", id.smbiosUuid());
        fact("machine.ip", String.join(", ", id.ipAddresses()));
        fact("machine.source", m.source());
        fact("machine.firstCollected", MachinesView.WHEN.format(m.firstCollected()));
        fact("machine.lastCollected", MachinesView.WHEN.format(m.lastCollected()));
    }

    private void fact(String key, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        Div row = new Div(new Span(getTranslation(key)), new Span(value));
        row.addClassName("machine-fact");
        facts.add(row);
    }

    private void showProduct(Product p) {
        Div card = new Div();
        card.addClassName("machine-product");
        card.getElement().setAttribute("data-product", String.valueOf(p.id()));
        H3 name = new H3(p.name());
        StateBadge badge = new StateBadge(p.state());
        Span detail = new Span(OutsideText.shown(p.stateDetail().text()));
        detail.addClassName("machine-product-detail");
        card.add(name, badge, detail);
        Span iidLabel = new Span(getTranslation("machine.iid"));
        iidLabel.addClassName("machine-digits-label");
        card.add(iidLabel, new GroupedDigits(p.iid().groups(), false));
        if (!p.cid().isEmpty()) {
            Span cidLabel = new Span(getTranslation("machine.cid"));
            cidLabel.addClassName("machine-digits-label");
            card.add(cidLabel, new GroupedDigits(p.cid().get().groups(), true));
        }
        products.add(card);
    }

    private void showAudit(MachineDetail d) {
        List<String> subjects = new ArrayList<>();
        subjects.add("machine " + d.machine().id());
        d.products().forEach(p -> subjects.add("product " + p.id()));
        List<AuditEntry> rows = auditLog.getObject().about(subjects, AUDIT_ROWS);
        if (rows.isEmpty()) {
            audit.add(new Span(getTranslation("machine.noAudit")));
        }
        for (AuditEntry e : rows) {
            Div row = new Div(new Span(MachinesView.WHEN.format(e.at())), new Span(OutsideText.shown(e.operator())),
                    new Span(e.action()), new Span(OutsideText.shown(e.details())));
            row.addClassName("machine-audit-row");
            audit.add(row);
        }
    }
}
