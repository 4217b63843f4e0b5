package dev.airlock.appliance.export;

import java.time.Instant;

/**
 * A MAK whose last known remaining-activation count is lower than the number of its products in
 * an export: some of them will come back rejected (0x7F) unless activations are added.
 *
 * @param partialKey the MAK's last 5 characters
 * @param epidPrefix the first two groups of its products' ePIDs
 */
public record BudgetWarning(String partialKey, String epidPrefix, int products, long remaining, Instant learned) {
    /** One line for people. */
    public String message() {
        return "MAK ..." + partialKey + " (ePID " + epidPrefix + "-...): " + products + " products in this export but"
                + " only " + remaining + " activations left as of " + learned + "; " + (products - remaining)
                + " will likely be rejected (0x7F). Add activations to the MAK or move machines to another MAK,"
                + " or export anyway with --force";
    }
}
