package dev.airlock.kiosk.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import dev.airlock.appliance.inventory.ProductState;
import java.util.Map;

/** Counts per state as horizontal bars, each labelled with the state's name and count in words. */
public final class Bars extends Div {
    public Bars(Map<ProductState, Long> counts) {
        addClassName("bars");
        long max = Math.max(1, counts.values().stream().mapToLong(Long::longValue).max().orElse(1));
        counts.forEach((state, n) -> {
            Div row = new Div();
            row.addClassName("bar-row");
            Span label = new Span(StateBadge.label(state));
            label.addClassName("bar-label");
            Div track = new Div();
            track.addClassName("bar-track");
            Div fill = new Div();
            fill.addClassNames("bar-fill", StateBadge.cssClass(state));
            fill.getStyle().set("width", (n == 0 ? 0 : Math.max(2, 100 * n / max)) + "%");
            track.add(fill);
            Span count = new Span(String.format("%,d", n));
            count.addClassName("bar-count");
            row.add(label, track, count);
            row.getElement().setAttribute("data-state", state.name());
            add(row);
        });
    }
}
