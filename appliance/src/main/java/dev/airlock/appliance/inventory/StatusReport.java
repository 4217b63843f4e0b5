package dev.airlock.appliance.inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Counts for the dashboard and {@code airlock status}.
 *
 * @param byState   every state, zero-filled, in workflow order
 * @param byGroup   per group name ("" = no group): counts per state, zero-filled
 * @param notNeeded the NOT_NEEDED products (left out of export and kits) per reason, zero-filled
 */
public record StatusReport(long machines, long products, Map<ProductState, Long> byState,
        Map<String, Map<ProductState, Long>> byGroup, Map<NotNeededReason, Long> notNeeded, List<String> nextSteps) {

    /** How many products are left out because they need no CID. */
    public long leftOut() {
        return leftOut(notNeeded);
    }

    /** The sum of per-reason counts. */
    public static long leftOut(Map<NotNeededReason, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * "3 products left out: 2 already licensed, 1 KMS client", or "" when none is; the words
     * the CLI prints (the kiosk has its own, translated).
     */
    public static String leftOutLine(Map<NotNeededReason, Long> counts) {
        long total = leftOut(counts);
        if (total == 0) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (NotNeededReason reason : NotNeededReason.values()) {
            long n = counts.getOrDefault(reason, 0L);
            if (n > 0) {
                parts.add(reason.count(n));
            }
        }
        return total + (total == 1 ? " product" : " products") + " left out: " + String.join(", ", parts);
    }
}
