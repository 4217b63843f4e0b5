package dev.airlock.appliance.bundles;

import dev.airlock.formats.bundle.BundleKind;
import dev.airlock.formats.signature.Fingerprint;
import dev.airlock.formats.signature.KeyId;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * What a bundle is and whether to believe it.
 *
 * @param fingerprint the signer's fingerprint when its key is known here (or the bundle is a key card)
 * @param signerLabel the pinned peer's label, "this appliance", or "" when unknown
 * @param counts      what it carries, e.g. records, products, CIDs, errors
 * @param problem     why it is not trusted, when it is not
 */
public record Inspection(BundleKind kind, String id, KeyId signer, Optional<Fingerprint> fingerprint, Trust trust,
        String signerLabel, Instant created, Map<String, Integer> counts, Optional<String> problem) {

    /** How the signer relates to this appliance. */
    public enum Trust {
        /** Signed by a pinned peer, and the signature checks against the pinned key. */
        TRUSTED_PEER,
        /** Signed by this appliance's own key. */
        THIS_APPLIANCE,
        /** Signature intact, but the key is not pinned here. */
        UNTRUSTED
    }

    /** Valid signature by a key this appliance trusts. */
    public boolean trusted() {
        return trust != Trust.UNTRUSTED && problem.isEmpty();
    }
}
