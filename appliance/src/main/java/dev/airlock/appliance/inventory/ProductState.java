package dev.airlock.appliance.inventory;

/** Where a product installation stands on its way to being activated. */
public enum ProductState {
    /** IID known, waiting for export. */
    COLLECTED("waits for export"),
    /** In a request bundle that went out; waiting for the answer. */
    EXPORTED("exported, waits for a response"),
    /** A CID came back; waiting to be applied at the machine. */
    CID_RECEIVED("CID received, waits to be applied"),
    /** The CID was deposited on the machine. */
    APPLIED("CID applied, waits for the machine to report Licensed"),
    /** The machine reported Licensed. */
    VERIFIED("activated and verified"),
    /** Microsoft refused (error code in the detail); may go out again after a key change. */
    REJECTED("rejected by Microsoft"),
    /** Reimaged with the same IID: a stored CID can be reapplied without a round trip. */
    REUSABLE("can reuse its stored CID (reimage)"),
    /** Applying the CID at the machine failed (code in the detail). */
    APPLY_FAILED("applying the CID failed"),
    /**
     * Collected Licensed, or as a KMS client (GVLK): needs no CID, so it is never exported or put in
     * a kit ({@link NotNeededReason} in the detail). Comes back to COLLECTED by itself when a later
     * collection shows it lost its licence.
     */
    NOT_NEEDED("needs no CID: already licensed, or a KMS client");

    private final String meaning;

    ProductState(String meaning) {
        this.meaning = meaning;
    }

    /** Plain-language meaning for technicians. */
    public String meaning() {
        return meaning;
    }

    /** Parses a state name as typed ("cid_received", "CID-RECEIVED"). */
    public static ProductState parse(String text) {
        String norm = text.strip().toUpperCase(java.util.Locale.ROOT).replace('-', '_');
        for (ProductState s : values()) {
            if (s.name().equals(norm)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown state '" + text + "'; states are "
                + java.util.Arrays.toString(values()));
    }
}
