package dev.airlock.kiosk.machines;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import dev.airlock.appliance.collect.Collect;
import dev.airlock.appliance.inventory.InventoryService;
import dev.airlock.appliance.inventory.Product;
import dev.airlock.appliance.inventory.ProductFilter;
import dev.airlock.appliance.inventory.ProductState;
import dev.airlock.appliance.store.ApplianceInfo;
import dev.airlock.formats.outside.OutsideText;
import dev.airlock.kiosk.core.ForRole;
import dev.airlock.kiosk.core.KioskSession;
import dev.airlock.kiosk.ui.MainLayout;
import dev.airlock.kiosk.ui.StateBadge;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The lab's products, one row each, in a lazy grid: only the page the grid shows is read (an
 * indexed, paged query), so 100,000 rows scroll as smoothly as 10. Search by host name, filter by
 * state and group; a row opens the machine.
 */
@Route(value = "machines", layout = MainLayout.class)
@PageTitle("Airlock · Machines")
@ForRole(ApplianceInfo.Role.LAB)
public class MachinesView extends VerticalLayout {
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    final TextField search = new TextField();
    final ComboBox<ProductState> state = new ComboBox<>();
    final ComboBox<String> group = new ComboBox<>();
    final Grid<Product> grid = new Grid<>(Product.class, false);
    final GroupAssign assign;
    private final ObjectProvider<InventoryService> inventory;

    public MachinesView(ObjectProvider<InventoryService> inventory, ObjectProvider<Collect> collect,
            KioskSession session) {
        this.inventory = inventory;
        addClassNames("kiosk-view", "machines-view");
        setSizeFull();
        configureFilters();
        configureGrid();
        assign = new GroupAssign("machines", inventory, collect, session, this::selectedMachines, this::assigned);
        grid.addSelectionListener(e -> assign.update());
        Div filters = new Div(search, state, group, assign);
        filters.addClassName("machines-filters");
        add(new H1(getTranslation("machines.title")), filters, grid);
        expand(grid);
    }

    private void configureFilters() {
        search.setId("machines-search");
        search.setLabel(getTranslation("machines.search"));
        search.setPlaceholder(getTranslation("machines.searchHint"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> refresh());
        state.setId("machines-state");
        state.setLabel(getTranslation("machines.state"));
        state.setPlaceholder(getTranslation("machines.anyState"));
        state.setItems(ProductState.values());
        state.setItemLabelGenerator(StateBadge::label);
        state.setClearButtonVisible(true);
        state.addValueChangeListener(e -> refresh());
        group.setId("machines-group");
        group.setLabel(getTranslation("machines.group"));
        group.setPlaceholder(getTranslation("machines.anyGroup"));
        group.setItems(inventory.getObject().status().byGroup().keySet().stream().filter(g -> !g.isEmpty())
                .toList());
        group.setClearButtonVisible(true);
        group.addValueChangeListener(e -> refresh());
    }

    private void configureGrid() {
        grid.setId("machines-grid");
        grid.addClassName("machines-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(p -> OutsideText.shown(p.hostName())).setHeader(getTranslation("machines.col.host")).setWidth("9.5em")
                .setFlexGrow(0)
                .setKey("host");
        grid.addColumn(p -> OutsideText.shown(p.group())).setHeader(getTranslation("machines.col.group")).setKey("group")
                .setAutoWidth(true).setFlexGrow(0);
        // the product name takes what is left and wraps onto a second line (styles.css), never "Wind…"
        grid.addColumn(p -> OutsideText.shown(p.name())).setHeader(getTranslation("machines.col.product")).setWidth("9em")
                .setFlexGrow(1).setKey("product");
        grid.addComponentColumn(p -> new StateBadge(p.state())).setHeader(getTranslation("machines.col.state"))
                .setAutoWidth(true).setFlexGrow(0).setKey("state");
        // date and time on two lines where the screen is narrow, so the product name keeps its room
        grid.addColumn(p -> WHEN.format(p.lastSeen())).setHeader(getTranslation("machines.col.lastSeen"))
                .setWidth("7.5em").setFlexGrow(0).setKey("lastSeen");
        grid.setPageSize(50);
        grid.setItems(query -> fetch(inventory.getObject(), filter(), query.getOffset(), query.getLimit()).stream(),
                query -> (int) Math.min(Integer.MAX_VALUE, inventory.getObject().countProducts(filter())));
        grid.setSelectionMode(Grid.SelectionMode.MULTI);
        grid.addItemClickListener(e -> open(e.getItem()));
        grid.setEmptyStateText(getTranslation("machines.empty"));
    }

    /** The filter the fields describe now. */
    ProductFilter filter() {
        String s = search.getValue() == null ? "" : search.getValue().strip();
        return new ProductFilter(Optional.ofNullable(state.getValue()), Optional.ofNullable(group.getValue()),
                s.isEmpty() ? Optional.empty() : Optional.of(s));
    }

    /** One page of the grid: the data provider's fetch (package-visible for the benchmark). */
    static List<Product> fetch(InventoryService inventory, ProductFilter filter, int offset, int limit) {
        return inventory.products(filter, offset, limit);
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
    }

    /** The machines of the ticked rows (a machine with several products counts once). */
    List<Long> selectedMachines() {
        return grid.getSelectedItems().stream().map(Product::machineId).distinct().sorted().toList();
    }

    /** After an assignment: the group filter knows the new group, the rows show it, nothing stays ticked. */
    private void assigned() {
        String keep = group.getValue();
        group.setItems(inventory.getObject().status().byGroup().keySet().stream().filter(g -> !g.isEmpty())
                .toList());
        group.setValue(keep);
        grid.deselectAll();
        refresh();
    }

    void open(Product p) {
        getUI().ifPresent(ui -> ui.navigate(MachineDetailView.class,
                new RouteParameters("key", String.valueOf(p.machineId()))));
    }
}
