package dev.airlock.kiosk.machines;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import dev.airlock.appliance.collect.Collect;
import dev.airlock.appliance.inventory.InventoryService;
import dev.airlock.kiosk.core.KioskSession;
import dev.airlock.kiosk.ui.Sentence;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;

/** Puts the chosen machines into a lab group (an existing one, or a new name typed in), as {@code airlock assign}. */
final class GroupAssign extends HorizontalLayout {
    final ComboBox<String> group = new ComboBox<>();
    final Button assign = new Button();
    final Span result = new Span();
    private final ObjectProvider<InventoryService> inventory;
    private final ObjectProvider<Collect> collect;
    private final KioskSession session;
    private final Supplier<List<Long>> machines;
    private final Runnable assigned;

    /** {@code machines}: the machine ids to assign now; {@code assigned}: run after machines moved. */
    GroupAssign(String idPrefix, ObjectProvider<InventoryService> inventory, ObjectProvider<Collect> collect,
            KioskSession session, Supplier<List<Long>> machines, Runnable assigned) {
        this.inventory = inventory;
        this.collect = collect;
        this.session = session;
        this.machines = machines;
        this.assigned = assigned;
        addClassName("machines-assign");
        setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        setWrap(true);
        group.setId(idPrefix + "-assign-group");
        group.setLabel(getTranslation(idPrefix.equals("machine") ? "machine.assign.group" : "machines.assign.group"));
        group.setWidth("16em");
        group.setPlaceholder(getTranslation("machines.assign.groupHint"));
        group.setAllowCustomValue(true);
        group.addCustomValueSetListener(e -> group.setValue(e.getDetail().strip()));
        group.addValueChangeListener(e -> update());
        assign.setId(idPrefix + "-assign");
        assign.setIcon(VaadinIcon.GROUP.create());
        assign.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        assign.addClickListener(e -> assign());
        result.setId(idPrefix + "-assign-result");
        result.addClassName("machines-assign-result");
        add(group, assign, result);
        showGroups();
        update();
    }

    /** The lab groups known now, to choose from. */
    void showGroups() {
        String keep = group.getValue();
        group.setItems(inventory.getObject().status().byGroup().keySet().stream().filter(g -> !g.isEmpty()).toList());
        if (keep != null) {
            group.setValue(keep);
        }
    }

    /** The button's words and state after the choice of machines or group changed. */
    void update() {
        int n = machines.get().size();
        assign.setText(getTranslation("machines.assign.button", n));
        assign.setEnabled(n > 0 && group.getValue() != null && !group.getValue().isBlank());
    }

    /** Moves the chosen machines into the chosen group and says how many moved. */
    void assign() {
        List<Long> ids = machines.get();
        String name = group.getValue() == null ? "" : group.getValue().strip();
        if (ids.isEmpty()) {
            result.setText(getTranslation("machines.assign.noMachines"));
            return;
        }
        if (name.isEmpty()) {
            result.setText(getTranslation("machines.assign.noGroup"));
            return;
        }
        String text;
        try {
            int moved = collect.getObject().assignGroup(ids, name, session.actor());
            text = moved == 0 ? getTranslation("machines.assign.nothingMoved", ids.size(), name)
                    : getTranslation("machines.assign.done", moved, name);
        } catch (IllegalArgumentException e) {
            result.setText(getTranslation("machines.assign.failed", Sentence.of(e)));
            return;
        }
        result.setText(text);
        Notification.show(text, 4000, Notification.Position.BOTTOM_CENTER);
        showGroups();
        assigned.run();
        update();
    }
}
