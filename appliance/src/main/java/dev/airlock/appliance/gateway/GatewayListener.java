package dev.airlock.appliance.gateway;

/** Progress of one {@code process} run, for a CLI or kiosk: called once per record as it is settled. */
@FunctionalInterface
public interface GatewayListener {
    /**
     * Record {@code done} of {@code total} (reference {@code reference}) is settled: {@code outcome}
     * is e.g. "CID", "CID (from the cache)", "error 0x7F: ...", "in flight: not asked again".
     */
    void recordSettled(int done, int total, String reference, String outcome);

    /** A listener that ignores everything. */
    static GatewayListener silent() {
        return (done, total, reference, outcome) -> { };
    }
}
