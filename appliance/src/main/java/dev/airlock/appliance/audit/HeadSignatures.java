package dev.airlock.appliance.audit;

import dev.airlock.formats.signature.BadSignatureException;
import dev.airlock.formats.signature.Fingerprint;
import dev.airlock.formats.signature.PublicKey;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/** Checks one signed head against the appliance's public key, and names heads in words a supervisor reads. */
final class HeadSignatures {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private HeadSignatures() {}

    /** Why {@code stored} does not prove its rows, or empty when its signature checks out against {@code key}. */
    static Optional<String> problem(AuditRepository.StoredHead stored, Optional<PublicKey> key) {
        if (stored.head().isEmpty()) {
            return Optional.of("the signed head of rows 1 to " + stored.rows() + " was changed into something"
                    + " unreadable (" + stored.unreadable() + ")");
        }
        SignedHead head = stored.head().get();
        if (key.isEmpty()) {
            return Optional.of("the log has signed heads, but this appliance holds no public key to check them"
                    + " against: its key table was changed");
        }
        PublicKey k = key.get();
        if (!head.keyFingerprint().equals(k.fingerprint().digits())) {
            return Optional.of(named(head) + " names another key (fingerprint " + Fingerprint.parse(head.keyFingerprint())
                    + "), not this appliance's key (" + k.fingerprint() + ")");
        }
        try {
            k.verifier().verify(head.signature(), head.message(k.id()));
        } catch (BadSignatureException e) {
            return Optional.of("the signature of " + named(head) + " does not check out against this appliance's"
                    + " key (" + k.fingerprint() + "): the signed head was changed");
        }
        return Optional.empty();
    }

    /** E.g. "the head signed 2026-12-01 20:13:00 UTC over rows 1 to 58". */
    static String named(SignedHead head) {
        return "the head signed " + when(head.signedAt()) + " over rows 1 to " + head.rows();
    }

    static String when(Instant at) {
        return WHEN.format(at);
    }
}
