package dev.airlock.kiosk.home;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

/** One big number with its label, as the dashboard shows its totals. */
final class Facts {
    private Facts() {
    }

    static Div fact(String id, String label, long value) {
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
}
