package dev.airlock.appliance.enroll;

import dev.airlock.appliance.audit.AuditEvent;
import dev.airlock.appliance.store.ApplianceInfo;
import dev.airlock.formats.signature.Fingerprint;
import dev.airlock.formats.signature.KeyId;

/** What the audit log records about trust: the other side's key pinned under a label, or removed. */
sealed interface TrustEvents extends AuditEvent {
    /** A peer's key pinned as {@code role} under {@code label}, after a person compared its fingerprint. */
    record PeerTrusted(KeyId keyId, ApplianceInfo.Role role, String label, Fingerprint fingerprint)
            implements TrustEvents {
        @Override
        public Row row() {
            return new Row("trust.add", "key " + keyId, role.id() + " '" + label + "', fingerprint " + fingerprint);
        }
    }

    /** A trusted peer removed. */
    record PeerRemoved(KeyId keyId, ApplianceInfo.Role role, String label) implements TrustEvents {
        @Override
        public Row row() {
            return new Row("trust.remove", "key " + keyId, role.id() + " '" + label + "'");
        }
    }
}
