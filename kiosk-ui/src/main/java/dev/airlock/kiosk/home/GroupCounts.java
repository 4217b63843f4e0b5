package dev.airlock.kiosk.home;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import dev.airlock.appliance.inventory.StatusReport;
import dev.airlock.kiosk.ui.StateBadge;

/** One row per lab group: its name, its total, and how many of its products are in each state. */
final class GroupCounts extends Div {
    GroupCounts() {
        addClassName("home-groups");
    }

    void show(StatusReport status) {
        removeAll();
        if (status.byGroup().isEmpty()) {
            add(new Span(getTranslation("home.noProducts")));
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
            add(row);
        });
    }
}
