package dev.airlock.appliance.audit;

/** The outcome of checking the audit chain. */
public sealed interface ChainReport {
    /** Every row is where it was written and unchanged. */
    record Intact(long rows) implements ChainReport {}

    /** The first row found edited, missing or out of place, and why. */
    record Broken(long seq, String reason) implements ChainReport {}
}
