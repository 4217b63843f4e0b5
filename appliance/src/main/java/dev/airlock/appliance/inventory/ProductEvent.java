package dev.airlock.appliance.inventory;

import java.util.Locale;

/** Something that happens to a product installation and may move its state. */
public enum ProductEvent {
    /** Put into a request bundle. */
    EXPORT,
    /** A response carried a CID for it. */
    CID_RECEIVED,
    /** A response carried an error for it. */
    REJECT,
    /** The CID was deposited on the machine (kit result or manual). */
    APPLY,
    /** Depositing the CID failed. */
    APPLY_FAIL,
    /** The machine reported Licensed. */
    VERIFY,
    /** Re-collected with the same IID as a stored one that has a CID, and not licensed (reimage). */
    REUSE,
    /** Supervisor override: reuse a stored CID although the IID differs. */
    FORCE_REUSE,
    /** Re-collected with a different IID (new key or hardware): a new installation. */
    NEW_IID,
    /** Collected Licensed or as a KMS client (GVLK) before it went out: it needs no CID. */
    NEEDS_NOTHING,
    /** Collected again, no longer Licensed, on a channel that needs a CID (MAK, CSVLK, retail). */
    NEEDS_CID;

    /** The audit log's action for this event, e.g. {@code product.reject} or {@code product.cid_received}. */
    public String auditAction() {
        return "product." + name().toLowerCase(Locale.ROOT);
    }
}
