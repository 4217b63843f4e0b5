package dev.airlock.appliance.keys;

import dev.airlock.formats.signature.PublicKey;

/**
 * A new key pair with its seed already sealed under a new passphrase, not yet stored: made before
 * a transaction (the slow Argon2id step), written inside it with {@link KeyService#install}.
 */
public final class PreparedKeys {
    final KdfParams params;
    final byte[] salt;
    final byte[] verifier;
    final PublicKey publicKey;
    final byte[] sealedSeed;

    PreparedKeys(KdfParams params, byte[] salt, byte[] verifier, PublicKey publicKey, byte[] sealedSeed) {
        this.params = params;
        this.salt = salt;
        this.verifier = verifier;
        this.publicKey = publicKey;
        this.sealedSeed = sealedSeed;
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    @Override
    public String toString() {
        return "PreparedKeys[" + publicKey.id() + "]";
    }
}
