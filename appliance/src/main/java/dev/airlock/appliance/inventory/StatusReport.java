package dev.airlock.appliance.inventory;

import java.util.List;
import java.util.Map;

/**
 * Counts for the dashboard and {@code airlock status}.
 *
 * @param byState  every state, zero-filled, in workflow order
 * @param byGroup  per group name ("" = no group): counts per state, zero-filled
 */
public record StatusReport(long machines, long products, Map<ProductState, Long> byState,
        Map<String, Map<ProductState, Long>> byGroup, List<String> nextSteps) {}
