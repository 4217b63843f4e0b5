package dev.airlock.kiosk.ui;

import com.vaadin.flow.component.Component;
import dev.airlock.appliance.inventory.NotNeededReason;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Words for the products left out because they need no CID: "3 products left out: 2 already licensed, 1 KMS client". */
public final class LeftOut {
    private LeftOut() {}

    /** The sentence under {@code key} (argument 0: the total, 1: the per-reason parts), or "" when none is left out. */
    public static String text(Component c, String key, Map<NotNeededReason, Long> counts) {
        long total = 0;
        List<String> parts = new ArrayList<>();
        for (NotNeededReason r : NotNeededReason.values()) {
            long n = counts.getOrDefault(r, 0L);
            if (n > 0) {
                total += n;
                parts.add(c.getTranslation("notNeeded." + r.name().toLowerCase(Locale.ROOT), n));
            }
        }
        return total == 0 ? "" : c.getTranslation(key, total, String.join(", ", parts));
    }
}
