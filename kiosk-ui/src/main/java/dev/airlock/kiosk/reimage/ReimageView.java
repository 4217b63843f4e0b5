package dev.airlock.kiosk.reimage;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.airlock.appliance.inventory.InventoryService;
import dev.airlock.appliance.inventory.Product;
import dev.airlock.appliance.inventory.ProductFilter;
import dev.airlock.appliance.inventory.ProductState;
import dev.airlock.appliance.reimage.ForceOutcome;
import dev.airlock.appliance.reimage.Reimage;
import dev.airlock.appliance.store.ApplianceInfo;
import dev.airlock.formats.outside.OutsideText;
import dev.airlock.kiosk.core.ForRole;
import dev.airlock.kiosk.core.KioskSession;
import dev.airlock.kiosk.ui.MainLayout;
import dev.airlock.kiosk.ui.Sentence;
import dev.airlock.kiosk.ui.StateBadge;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Reimage: products whose stored CID can be reapplied without a round trip (REUSABLE), the
 * activations saved that way, and the supervisor's override that forces an earlier CID onto a
 * product whose IID changed (warned, confirmed, audited).
 */
@Route(value = "reimage", layout = MainLayout.class)
@PageTitle("Airlock · Reimage")
@ForRole(ApplianceInfo.Role.LAB)
public class ReimageView extends VerticalLayout {
    static final int MAX_LISTED = 1000;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    final Grid<Product> reusable = new Grid<>(Product.class, false);
    final Span saved = new Span();
    final Button toApply = new Button();
    final ComboBox<Product> overrideProduct = new ComboBox<>();
    final Button override = new Button();
    final Dialog confirmDialog = new Dialog();
    final Button confirm = new Button();
    final Button cancel = new Button();
    final Paragraph overrideResult = new Paragraph();
    final Span error = new Span();
    final VerticalLayout overrideSection = new VerticalLayout();

    private final ObjectProvider<InventoryService> inventory;
    private final ObjectProvider<Reimage> reimage;
    private final KioskSession session;

    public ReimageView(ObjectProvider<InventoryService> inventory, ObjectProvider<Reimage> reimage,
            KioskSession session) {
        this.inventory = inventory;
        this.reimage = reimage;
        this.session = session;
        addClassNames("kiosk-view", "reimage-view");
        configureGrid();
        configureOverride();
        error.addClassName("form-error");
        HorizontalLayout top = new HorizontalLayout(saved, toApply);
        top.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        top.setWrap(true);
        add(new H1(getTranslation("reimage.title")), new Paragraph(getTranslation("reimage.intro")), top,
                reusable, error, overrideSection);
        refresh();
    }

    private void configureGrid() {
        reusable.setId("reimage-grid");
        reusable.addColumn(p -> OutsideText.shown(p.hostName())).setHeader(getTranslation("reimage.col.machine")).setAutoWidth(true);
        reusable.addColumn(p -> OutsideText.shown(p.name())).setHeader(getTranslation("reimage.col.product")).setFlexGrow(2);
        reusable.addComponentColumn(p -> new StateBadge(p.state())).setHeader(getTranslation("reimage.col.state"))
                .setAutoWidth(true);
        reusable.addColumn(p -> WHEN.format(p.stateChanged())).setHeader(getTranslation("reimage.col.since"))
                .setAutoWidth(true);
        reusable.setHeight("18em");
        saved.setId("reimage-saved");
        saved.addClassName("reimage-saved");
        toApply.setId("reimage-to-apply");
        toApply.setText(getTranslation("reimage.toApply"));
        toApply.setIcon(VaadinIcon.KEY.create());
        toApply.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        toApply.addClickListener(e -> getUI().ifPresent(ui -> ui.navigate("apply")));
    }

    private void configureOverride() {
        boolean supervisor = session.isSupervisor();
        overrideSection.setPadding(false);
        overrideSection.addClassName("reimage-override-section");
        overrideSection.add(new H2(getTranslation("reimage.override.title")));
        if (!supervisor) {
            // technicians see why the override is not here, not the override itself
            overrideSection.add(new Paragraph(getTranslation("reimage.override.supervisorsOnly")));
            override.setVisible(false);
            override.setEnabled(false);
            overrideProduct.setVisible(false);
            return;
        }
        overrideSection.add(new Paragraph(getTranslation("reimage.override.intro")));
        overrideProduct.setId("reimage-override-product");
        overrideProduct.setLabel(getTranslation("reimage.override.product"));
        overrideProduct.setHelperText(getTranslation("reimage.override.productHelp"));
        overrideProduct.setWidth("32em");
        overrideProduct.setItemLabelGenerator(p -> getTranslation("reimage.override.item", p.hostName(), p.name(),
                StateBadge.label(p.state()), p.id()));
        overrideProduct.setItems(query -> {
            ProductFilter filter = ProductFilter.all().withState(ProductState.COLLECTED);
            String text = query.getFilter().orElse("").strip();
            return inventory.getObject().products(text.isEmpty() ? filter : filter.withSearch(text),
                    query.getOffset(), query.getLimit()).stream();
        });
        overrideProduct.addValueChangeListener(e -> override.setEnabled(e.getValue() != null));
        override.setId("reimage-override");
        override.setText(getTranslation("reimage.override.button"));
        override.setIcon(VaadinIcon.WARNING.create());
        override.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_LARGE);
        override.setEnabled(false);
        override.addClickListener(e -> askToConfirm());
        overrideResult.setId("reimage-override-result");
        HorizontalLayout row = new HorizontalLayout(overrideProduct, override);
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        row.setWrap(true);
        overrideSection.add(row, overrideResult);

        confirmDialog.setHeaderTitle(getTranslation("reimage.confirm.title"));
        confirmDialog.addClassName("reimage-confirm-dialog");
        confirmDialog.setCloseOnOutsideClick(false);
        confirm.setId("reimage-override-confirm");
        confirm.setText(getTranslation("reimage.confirm.yes"));
        confirm.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        confirm.addClickListener(e -> forceReuse());
        cancel.setId("reimage-override-cancel");
        cancel.setText(getTranslation("common.cancel"));
        cancel.addThemeVariants(ButtonVariant.LUMO_LARGE);
        cancel.addClickListener(e -> confirmDialog.close());
        confirmDialog.getFooter().add(cancel, confirm);
    }

    void refresh() {
        reusable.setItems(reimage.getObject().reusable(MAX_LISTED));
        long n = reimage.getObject().activationsSaved();
        saved.setText(getTranslation("reimage.saved", n));
        int waiting = reusable.getListDataView().getItemCount();
        toApply.setEnabled(waiting > 0);
        toApply.setText(getTranslation(waiting > 0 ? "reimage.toApply" : "reimage.toApplyNone"));
    }

    void askToConfirm() {
        Product p = overrideProduct.getValue();
        if (p == null || !session.isSupervisor()) {
            return;
        }
        confirmDialog.removeAll();
        Paragraph what = new Paragraph(getTranslation("reimage.confirm.what", p.name(), p.hostName(), p.id()));
        Paragraph risk = new Paragraph(getTranslation("reimage.confirm.risk"));
        risk.addClassName("reimage-warning");
        Paragraph audit = new Paragraph(getTranslation("reimage.confirm.audit",
                session.operator().map(o -> o.name()).orElse("")));
        confirmDialog.add(what, risk, audit);
        confirmDialog.open();
        cancel.focus();
    }

    void forceReuse() {
        Product p = overrideProduct.getValue();
        confirmDialog.close();
        error.setText("");
        if (p == null || !session.isSupervisor()) {
            return;
        }
        try {
            ForceOutcome outcome = reimage.getObject().forceReuse(p.id(), session.actor());
            if (outcome instanceof ForceOutcome.Refused refused) {
                error.setText(Sentence.of(refused.reason()));
                return;
            }
            ForceOutcome.Forced r = (ForceOutcome.Forced) outcome;
            overrideResult.setText(getTranslation("reimage.override.done", r.product().name(),
                    r.product().hostName(), StateBadge.label(r.product().state())));
            overrideProduct.clear();
            refresh();
        } catch (IllegalArgumentException | IllegalStateException e) {
            error.setText(Sentence.of(e));
        }
    }
}
