package dev.airlock.appliance.keys;

import dev.airlock.appliance.audit.AuditEvent;
import dev.airlock.formats.signature.Fingerprint;
import dev.airlock.formats.signature.KeyId;
import java.time.Duration;

/** What the audit log records about the appliance's own keys: the key pair, a key card signed, wrong passphrases. */
sealed interface KeyEvents extends AuditEvent {
    /** The appliance's Ed25519 key pair generated and the supervisor passphrase set (derived with {@code params}). */
    record KeysInitialized(KeyId keyId, Fingerprint fingerprint, KdfParams params) implements KeyEvents {
        @Override
        public Row row() {
            return new Row("keys.init", "key " + keyId, "Ed25519 key pair generated; fingerprint " + fingerprint
                    + "; supervisor passphrase set (" + params + ")");
        }
    }

    /** The appliance's key card signed with its own key, under {@code label}. */
    record KeyCardSigned(KeyId keyId, String label) implements KeyEvents {
        @Override
        public Row row() {
            return new Row("keys.card", "key " + keyId, "key card signed; label " + label);
        }
    }

    /** A wrong supervisor passphrase, the {@code inARow}th in a row; the next try waits {@code delay} (zero: none). */
    record PassphraseWrong(int inARow, Duration delay) implements KeyEvents {
        @Override
        public Row row() {
            return new Row("passphrase.wrong", "keyring", inARow + " wrong in a row"
                    + (delay.isZero() ? "" : "; next try waits " + delay.toSeconds() + " s"));
        }
    }
}
