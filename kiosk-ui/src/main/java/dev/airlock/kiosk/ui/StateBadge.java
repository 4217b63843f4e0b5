package dev.airlock.kiosk.ui;

import com.vaadin.flow.component.html.Span;
import dev.airlock.appliance.inventory.ProductState;
import java.util.Locale;

/** A product state as a coloured badge that always carries its name in words (never colour alone). */
public final class StateBadge extends Span {
    public StateBadge(ProductState state) {
        super(label(state));
        addClassNames("state-badge", cssClass(state));
        getElement().setAttribute("title", state.meaning());
    }

    /** The words shown for a state, e.g. "CID received". */
    public static String label(ProductState state) {
        String s = state.name().replace('_', ' ').toLowerCase(Locale.ROOT);
        s = s.replace("cid", "CID");
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** The CSS class carrying the state's colour. */
    public static String cssClass(ProductState state) {
        return "state-" + state.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
