package dev.airlock.appliance.inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The status report's sums and its next steps in plain words. */
final class StatusWords {
    private StatusWords() {}

    /** The per-group counts summed per reason (zero-filled), over every group or only {@code group}. */
    static Map<NotNeededReason, Long> sumReasons(Map<String, Map<NotNeededReason, Long>> byGroup,
            Optional<String> group) {
        Map<NotNeededReason, Long> out = new java.util.EnumMap<>(NotNeededReason.class);
        for (NotNeededReason r : NotNeededReason.values()) {
            out.put(r, 0L);
        }
        byGroup.forEach((g, counts) -> {
            if (group.isEmpty() || group.get().strip().equalsIgnoreCase(g)) {
                counts.forEach((r, n) -> out.merge(r, n, Long::sum));
            }
        });
        return out;
    }

    static List<String> nextSteps(Map<ProductState, Long> s) {
        List<String> steps = new ArrayList<>();
        add(steps, s.get(ProductState.COLLECTED), "wait for export");
        add(steps, s.get(ProductState.EXPORTED), "are out for activation: import the response when it comes back");
        add(steps, s.get(ProductState.CID_RECEIVED) + s.get(ProductState.REUSABLE),
                "have a CID to apply: write the activation kit");
        add(steps, s.get(ProductState.REJECTED), "were rejected: see ./airlock list --state rejected");
        add(steps, s.get(ProductState.APPLY_FAILED), "failed to apply: see ./airlock list --state apply_failed");
        if (steps.isEmpty()) {
            steps.add(s.values().stream().mapToLong(Long::longValue).sum() == 0
                    ? "No products yet: collect machines with the collector kit and run ./airlock intake"
                    : s.get(ProductState.NOT_NEEDED) > 0
                            ? "Nothing waits: every product is applied, verified or needs no CID"
                            : "Nothing waits: every product is applied or verified");
        }
        return steps;
    }

    static void add(List<String> steps, long n, String text) {
        if (n > 0) {
            steps.add(n + (n == 1 ? " product " : " products ") + text);
        }
    }
}
