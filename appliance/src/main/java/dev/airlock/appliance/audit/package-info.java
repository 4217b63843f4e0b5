/**
 * The append-only audit log: every state-changing action, who did it, and a SHA-256 chain
 * (each row hashes the previous one) that {@code airlock audit verify} checks. Signed heads
 * ({@link dev.airlock.appliance.audit.SignedHead}, one per signing, all kept) carry the appliance's
 * Ed25519 signature over row count, last row hash and time, so a chain recomputed after an edit is
 * caught ({@link dev.airlock.appliance.audit.AuditReport}); the key signs through the
 * {@code Signer} interface and is checked through {@code PublicKey}'s verifier only.
 */
package dev.airlock.appliance.audit;
