package dev.airlock.kiosk.export;

import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import dev.airlock.appliance.export.ExportOptions;
import dev.airlock.kiosk.export.ExportView.Which;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** What to export: which products (collected only, or again), which group, how many at most. */
final class ExportChoice extends HorizontalLayout {
    private static final String ALL_GROUPS = "\u0000all";

    final Select<Which> state = new Select<>();
    final Select<String> group = new Select<>();
    final IntegerField limit = new IntegerField();

    /** Offers the lab's {@code groups} (sorted, after "all groups"); {@code changed} runs on every new choice. */
    ExportChoice(Collection<String> groups, Runnable changed) {
        state.setId("export-state");
        state.setLabel(getTranslation("export.state"));
        state.setItems(Which.values());
        state.setItemLabelGenerator(w -> getTranslation("export.state." + w.name().toLowerCase()));
        state.setValue(Which.COLLECTED);
        group.setId("export-group");
        group.setLabel(getTranslation("export.group"));
        List<String> items = new ArrayList<>();
        items.add(ALL_GROUPS);
        groups.stream().sorted().forEach(items::add);
        group.setItems(items);
        group.setItemLabelGenerator(g -> ALL_GROUPS.equals(g) ? getTranslation("export.group.all")
                : g.isEmpty() ? getTranslation("export.group.none") : g);
        group.setValue(ALL_GROUPS);
        limit.setId("export-limit");
        limit.setLabel(getTranslation("export.limit"));
        limit.setPlaceholder(getTranslation("export.limit.all"));
        limit.setMin(1);
        limit.setStepButtonsVisible(true);
        state.addValueChangeListener(e -> changed.run());
        group.addValueChangeListener(e -> changed.run());
        limit.addValueChangeListener(e -> changed.run());
        add(state, group, limit);
        addClassName("export-choice");
        setWrap(true);
    }

    /** Options as chosen, writing to {@code stickRoot}, forced past budget warnings when {@code force}. */
    ExportOptions options(Path stickRoot, boolean force) {
        ExportOptions o = ExportOptions.to(stickRoot).withAgain(state.getValue() == Which.AGAIN).withForce(force);
        String g = group.getValue();
        if (g != null && !ALL_GROUPS.equals(g)) {
            o = o.withGroup(g);
        }
        Integer n = limit.getValue();
        if (n != null && n > 0) {
            o = o.withLimit(n);
        }
        return o;
    }
}
