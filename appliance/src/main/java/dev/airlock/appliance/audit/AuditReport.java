package dev.airlock.appliance.audit;

import java.util.Optional;

/** The outcome of checking the audit log's chain against its signed heads and the appliance's public key. */
public sealed interface AuditReport {
    /**
     * Nothing was found changed: every row chains, and every signed head checks out against the
     * public key and the rows. Rows after {@code lastSigned} are chained but not yet signed.
     */
    record Intact(long rows, Optional<SignedHead> lastSigned, long signedHeads, Optional<String> keyFingerprint)
            implements AuditReport {
        /** Rows after the newest signed head (every row when none was signed yet). */
        public long rowsSinceLastSigned() {
            return rows - lastSigned.map(SignedHead::rows).orElse(0L);
        }
    }

    /**
     * The first row that no longer matches, why in words, and the signed head that proves it
     * (empty when only the hash chain itself shows the break).
     */
    record Tampered(long seq, String reason, Optional<SignedHead> provenBy) implements AuditReport {}
}
