package dev.airlock.appliance.keys;

import dev.airlock.appliance.keys.internal.Aead;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * One secret sealed at rest, self-describing:
 * {@code "AS" 01 | kdf 01 (Argon2id v1.3) | memory KiB u32 | passes u32 | lanes u8 | kdf salt 16 |
 * secret salt 16 | nonce 12 | AES-256-GCM ciphertext + 16-byte tag}.
 * The AES key is HKDF-SHA256(Argon2id(passphrase, kdf salt), secret salt); the associated data is
 * the whole header plus the secret's purpose (e.g. {@code mak/3}), so a blob moved to another row,
 * or any altered byte, fails to open.
 */
final class SealedSecret {
    static final int SALT_LENGTH = 16;
    private static final byte[] MAGIC = {'A', 'S', 1};
    private static final byte KDF_ARGON2ID = 1;
    private static final int HEADER_LENGTH = MAGIC.length + 1 + 4 + 4 + 1 + SALT_LENGTH + SALT_LENGTH
            + Aead.NONCE_LENGTH;
    private static final int TAG_LENGTH = 16;
    private static final byte[] HKDF_INFO = "airlock sealed secret v1".getBytes(StandardCharsets.US_ASCII);

    private final KdfParams params;
    private final byte[] kdfSalt;
    private final byte[] bytes;

    private SealedSecret(KdfParams params, byte[] kdfSalt, byte[] bytes) {
        this.params = params;
        this.kdfSalt = kdfSalt;
        this.bytes = bytes;
    }

    /** Seals {@code plaintext} for {@code purpose} under the unlocked keyring's key, with fresh salt and nonce. */
    static SealedSecret seal(Unlocked keys, String purpose, byte[] plaintext, SecureRandom random) {
        byte[] secretSalt = new byte[SALT_LENGTH];
        byte[] nonce = new byte[Aead.NONCE_LENGTH];
        random.nextBytes(secretSalt);
        random.nextBytes(nonce);
        KdfParams params = keys.params();
        byte[] kdfSalt = keys.salt();
        ByteBuffer header = ByteBuffer.allocate(HEADER_LENGTH).put(MAGIC).put(KDF_ARGON2ID)
                .putInt(params.memoryKiB()).putInt(params.iterations()).put((byte) params.lanes())
                .put(kdfSalt).put(secretSalt).put(nonce);
        byte[] head = header.array();
        byte[] key = Aead.subkey(keys.keyFor(params, kdfSalt), secretSalt, HKDF_INFO);
        try {
            byte[] ciphertext = Aead.seal(key, nonce, associatedData(head, purpose), plaintext);
            byte[] out = Arrays.copyOf(head, head.length + ciphertext.length);
            System.arraycopy(ciphertext, 0, out, head.length, ciphertext.length);
            return new SealedSecret(params, kdfSalt, out);
        } finally {
            Aead.wipe(key);
        }
    }

    /** Reads a stored blob; {@code what} names it in messages (e.g. "MAK 3"). */
    static SealedSecret parse(byte[] stored, String what) throws SecretTamperedException {
        if (stored == null || stored.length < HEADER_LENGTH + TAG_LENGTH
                || !Arrays.equals(Arrays.copyOf(stored, MAGIC.length), MAGIC) || stored[MAGIC.length] != KDF_ARGON2ID) {
            throw new SecretTamperedException("the sealed " + what);
        }
        ByteBuffer b = ByteBuffer.wrap(stored, MAGIC.length + 1, HEADER_LENGTH - MAGIC.length - 1);
        KdfParams params;
        try {
            params = new KdfParams(b.getInt(), b.getInt(), b.get() & 0xff);
        } catch (IllegalArgumentException e) {
            throw new SecretTamperedException("the sealed " + what);
        }
        byte[] kdfSalt = new byte[SALT_LENGTH];
        b.get(kdfSalt);
        return new SealedSecret(params, kdfSalt, stored.clone());
    }

    /**
     * Opens the blob for {@code purpose}. Throws (and yields no plaintext) when any byte, the
     * purpose, or the key is not what sealed it. Secret: wipe the result after use.
     */
    byte[] open(Unlocked keys, String purpose, String what) throws SecretTamperedException {
        int at = MAGIC.length + 1 + 4 + 4 + 1 + SALT_LENGTH;
        byte[] secretSalt = Arrays.copyOfRange(bytes, at, at + SALT_LENGTH);
        byte[] nonce = Arrays.copyOfRange(bytes, at + SALT_LENGTH, HEADER_LENGTH);
        byte[] head = Arrays.copyOf(bytes, HEADER_LENGTH);
        byte[] ciphertext = Arrays.copyOfRange(bytes, HEADER_LENGTH, bytes.length);
        byte[] key = Aead.subkey(keys.keyFor(params, kdfSalt), secretSalt, HKDF_INFO);
        try {
            return Aead.open(key, nonce, associatedData(head, purpose), ciphertext);
        } catch (Aead.OpenFailed e) {
            throw new SecretTamperedException("the sealed " + what);
        } finally {
            Aead.wipe(key);
        }
    }

    /** The stored form. */
    byte[] bytes() {
        return bytes.clone();
    }

    private static byte[] associatedData(byte[] header, String purpose) {
        byte[] p = ("airlock/" + purpose).getBytes(StandardCharsets.UTF_8);
        byte[] ad = Arrays.copyOf(header, header.length + 1 + p.length);
        System.arraycopy(p, 0, ad, header.length + 1, p.length);
        return ad;
    }
}
