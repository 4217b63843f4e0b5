package dev.airlock.appliance.enroll;

import dev.airlock.appliance.store.ApplianceInfo;
import dev.airlock.formats.signature.Fingerprint;
import dev.airlock.formats.signature.KeyId;
import dev.airlock.formats.signature.PublicKey;
import java.time.Instant;

/** A peer appliance pinned after a person compared its fingerprint: its role, label and public key. */
public record TrustedPeer(long id, ApplianceInfo.Role role, String label, PublicKey publicKey, Instant added,
        String addedBy) {
    public KeyId keyId() {
        return publicKey.id();
    }

    public Fingerprint fingerprint() {
        return publicKey.fingerprint();
    }
}
