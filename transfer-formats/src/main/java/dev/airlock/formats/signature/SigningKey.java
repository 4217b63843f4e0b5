package dev.airlock.formats.signature;

import dev.airlock.formats.signature.internal.Ed25519;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * An Ed25519 private key (its 32-byte seed). A secret: {@link #toString()} never shows it and
 * {@link #revealSeed()} is the one explicit way to read it (for sealing it at rest).
 */
public final class SigningKey {
    /** Seed length. */
    public static final int SEED_LENGTH = 32;
    private final byte[] seed;
    private final PublicKey publicKey;

    private SigningKey(byte[] seed) {
        this.seed = seed;
        this.publicKey = PublicKey.ofRaw(Ed25519.publicKeyOf(seed));
    }

    /** A new random key. */
    public static SigningKey generate(SecureRandom random) {
        byte[] seed = new byte[SEED_LENGTH];
        random.nextBytes(seed);
        return new SigningKey(seed);
    }

    /** The key with this seed (as unsealed from storage, or from test vectors). */
    public static SigningKey fromSeed(byte[] seed) {
        if (seed.length != SEED_LENGTH) {
            throw new IllegalArgumentException("an Ed25519 seed has 32 bytes, not " + seed.length);
        }
        return new SigningKey(seed.clone());
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    /** A signer with this key. */
    public Signer signer() {
        return data -> Ed25519.sign(seed, data);
    }

    /** The secret seed. Only for sealing it at rest; never log or show it. */
    public byte[] revealSeed() {
        return seed.clone();
    }

    /** Overwrites the seed in memory; the key is unusable afterwards. */
    public void destroy() {
        Arrays.fill(seed, (byte) 0);
    }

    @Override
    public String toString() {
        return "Ed25519 signing key for " + publicKey.id();
    }
}
