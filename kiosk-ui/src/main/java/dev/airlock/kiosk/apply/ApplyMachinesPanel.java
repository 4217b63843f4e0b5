package dev.airlock.kiosk.apply;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import dev.airlock.appliance.apply.Apply;
import dev.airlock.appliance.inventory.Product;
import dev.airlock.formats.outside.OutsideText;
import dev.airlock.kiosk.core.KioskSession;
import dev.airlock.kiosk.ui.Sentence;
import dev.airlock.kiosk.ui.StateBadge;
import java.util.function.Consumer;
import org.springframework.beans.factory.ObjectProvider;

/** Apply's machines section: the products waiting to be applied, the chosen one's CID, and mark it applied. */
final class ApplyMachinesPanel extends VerticalLayout {
    /** Most products listed at once; the rest follow when these are done. */
    static final int MAX_LISTED = 500;

    final Grid<Product> machines = new Grid<>(Product.class, false);
    final ApplyCidPanel cidPanel = new ApplyCidPanel();
    final Checkbox verified = new Checkbox();
    final Button markApplied = new Button();

    private final ObjectProvider<Apply> apply;
    private final KioskSession session;
    private final Consumer<String> error;
    private final Runnable marked;

    /** Problems go to {@code error}; {@code marked} runs once a product is marked applied, before the list is read again. */
    ApplyMachinesPanel(ObjectProvider<Apply> apply, KioskSession session, Consumer<String> error,
            Runnable marked) {
        this.apply = apply;
        this.session = session;
        this.error = error;
        this.marked = marked;
        machines.setId("apply-machines");
        machines.addColumn(p -> OutsideText.shown(p.hostName())).setHeader(getTranslation("apply.col.machine")).setAutoWidth(true)
                .setFlexGrow(1);
        machines.addColumn(p -> OutsideText.shown(p.name())).setHeader(getTranslation("apply.col.product")).setFlexGrow(2);
        machines.addComponentColumn(p -> new StateBadge(p.state())).setHeader(getTranslation("apply.col.state"))
                .setAutoWidth(true);
        machines.addColumn(p -> OutsideText.shown(p.stateDetail().text())).setHeader(getTranslation("apply.col.detail")).setFlexGrow(2);
        machines.setAllRowsVisible(false);
        machines.setHeight("18em");
        machines.asSingleSelect().addValueChangeListener(e -> showCid(e.getValue()));
        verified.setId("apply-verified");
        verified.setLabel(getTranslation("apply.verified"));
        markApplied.setId("apply-mark-applied");
        markApplied.setText(getTranslation("apply.markApplied"));
        markApplied.setIcon(VaadinIcon.CHECK.create());
        markApplied.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        markApplied.addClickListener(e -> markApplied());
        markApplied.setEnabled(false);
        HorizontalLayout actions = new HorizontalLayout(verified, markApplied);
        actions.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        add(machines, cidPanel, actions);
        addClassName("apply-section");
        setPadding(false);
    }

    /** Products waiting to be applied by hand: CID received, reusable (reimaged), or applying failed. */
    void refreshMachines() {
        machines.setItems(apply.getObject().waitingForApply(MAX_LISTED));
        showCid(null);
    }

    void showCid(Product p) {
        markApplied.setEnabled(p != null);
        if (p == null) {
            cidPanel.showNone(machines.getListDataView().getItemCount() == 0);
        } else {
            cidPanel.show(p);
        }
    }

    void markApplied() {
        Product p = machines.asSingleSelect().getValue();
        if (p == null) {
            return;
        }
        error.accept("");
        try {
            Product now = apply.getObject().markApplied(p.id(), verified.getValue(),
                    session.actor());
            marked.run();
            refreshMachines();
            cidPanel.showMarked(now);
            verified.setValue(false);
        } catch (IllegalArgumentException e) {
            error.accept(Sentence.of(e));
        }
    }
}
