package dev.airlock.appliance.keys;

import dev.airlock.formats.signature.PublicKey;
import dev.airlock.formats.signature.Signer;
import dev.airlock.formats.signature.SigningKey;

/**
 * The signing key held unsealed in memory for a kiosk session, after the supervisor's unlock
 * ({@link KeyService#unseal}): export and gateway runs sign with it without another Argon2id
 * derivation. Memory only, never written; {@link #seal()} overwrites the key's bytes, and a
 * signer handed out before then refuses to sign afterwards.
 */
public final class UnsealedKey implements KeyAccess {
    private final SigningKey key;
    private final Signer signer;
    private boolean sealed;

    UnsealedKey(SigningKey key) {
        this.key = key;
        Signer inner = key.signer();
        this.signer = data -> {
            synchronized (this) {
                if (sealed) {
                    throw new IllegalStateException("the appliance was sealed during the signing; nothing was signed");
                }
                return inner.sign(data);
            }
        };
    }

    /** The public half (free to read). */
    public PublicKey publicKey() {
        return key.publicKey();
    }

    /** Whether {@link #seal()} was called. */
    public synchronized boolean isSealed() {
        return sealed;
    }

    /** Overwrites the key's bytes in memory; signing needs the passphrase again afterwards. */
    public synchronized void seal() {
        sealed = true;
        key.destroy();
    }

    /** A signer with this key, refused once sealed. */
    synchronized Signer signer() throws KeysException {
        if (sealed) {
            throw new KeysException("the appliance is sealed: a supervisor must unlock it first");
        }
        return signer;
    }

    /** A copy of the key's bytes, for tests that check {@link #seal()} zeroed them. */
    byte[] revealSeedForTests() {
        return key.revealSeed();
    }

    @Override
    public String toString() {
        return "unsealed signing key for " + key.publicKey().id() + (isSealed() ? " (sealed)" : "");
    }
}
