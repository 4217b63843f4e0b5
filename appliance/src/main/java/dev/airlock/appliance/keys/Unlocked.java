package dev.airlock.appliance.keys;

import dev.airlock.appliance.keys.internal.Aead;
import dev.airlock.appliance.keys.internal.Argon2id;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The keyring opened with the right passphrase, for one operation: the Argon2id-derived key of
 * the keyring's salt (and of any other salt a stored blob names, derived on demand). Close it to
 * wipe the keys.
 */
final class Unlocked implements AutoCloseable {
    private static final byte[] VERIFIER_LABEL = "airlock passphrase verifier v1".getBytes(StandardCharsets.US_ASCII);

    private static final AtomicLong DERIVATIONS = new AtomicLong();

    private final Passphrase passphrase;
    private final KdfParams params;
    private final byte[] salt;
    private final Map<String, byte[]> derived = new HashMap<>();

    private Unlocked(Passphrase passphrase, KdfParams params, byte[] salt, byte[] key) {
        this.passphrase = passphrase;
        this.params = params;
        this.salt = salt.clone();
        derived.put(cacheKey(params, salt), key);
    }

    /** Derives the keyring key from {@code passphrase} (the slow step: Argon2id). */
    static Unlocked derive(Passphrase passphrase, KdfParams params, byte[] salt) {
        return new Unlocked(passphrase, params, salt, argon2(passphrase, params, salt));
    }

    /** The value stored to recognise the right passphrase: HMAC-SHA256 under the derived key. */
    byte[] verifier() {
        return Aead.hmac(keyFor(params, salt), VERIFIER_LABEL);
    }

    /** Whether this is the passphrase that made {@code storedVerifier} (constant-time comparison). */
    boolean matches(byte[] storedVerifier) {
        return java.security.MessageDigest.isEqual(verifier(), storedVerifier);
    }

    KdfParams params() {
        return params;
    }

    byte[] salt() {
        return salt.clone();
    }

    /** The Argon2id key for these parameters and salt (cached; derived on first use). */
    byte[] keyFor(KdfParams p, byte[] s) {
        return derived.computeIfAbsent(cacheKey(p, s), k -> argon2(passphrase, p, s));
    }

    /** How many Argon2id derivations this JVM made (a seam for tests: what an unlocked session saves). */
    static long derivations() {
        return DERIVATIONS.get();
    }

    private static byte[] argon2(Passphrase passphrase, KdfParams p, byte[] s) {
        DERIVATIONS.incrementAndGet();
        byte[] pw = passphrase.revealUtf8();
        try {
            return Argon2id.derive(pw, s, p.memoryKiB(), p.iterations(), p.lanes());
        } finally {
            Arrays.fill(pw, (byte) 0);
        }
    }

    private static String cacheKey(KdfParams p, byte[] s) {
        return p + "/" + HexFormat.of().formatHex(s);
    }

    @Override
    public void close() {
        derived.values().forEach(Aead::wipe);
        derived.clear();
    }
}
