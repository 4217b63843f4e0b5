package dev.airlock.appliance.keys.internal;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/** Argon2id (RFC 9106, version 0x13) through Bouncy Castle: passphrase bytes + salt → a 32-byte key. */
public final class Argon2id {
    /** Output length: one AES-256 / HMAC-SHA256 key. */
    public static final int KEY_LENGTH = 32;

    private Argon2id() {}

    /**
     * Derives a key; costs {@code memoryKiB} of memory and about {@code iterations} passes over it.
     * The caller owns (and should wipe) both the input and the result.
     */
    public static byte[] derive(byte[] passphraseUtf8, byte[] salt, int memoryKiB, int iterations, int lanes) {
        Argon2Parameters params = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memoryKiB)
                .withIterations(iterations)
                .withParallelism(lanes)
                .withSalt(salt)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(params);
        byte[] out = new byte[KEY_LENGTH];
        generator.generateBytes(passphraseUtf8, out);
        return out;
    }
}
