package dev.airlock.appliance.keys;

import dev.airlock.appliance.keys.internal.Aead;
import dev.airlock.appliance.keys.internal.Argon2id;
import dev.airlock.appliance.store.Store;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * Argon2id and AES-256-GCM for secrets the keyring does not seal: operator PIN hashes and
 * encrypted backup files. Other features reach the cryptography only through here.
 *
 * <p>Backup file, version 1: {@code "AIRLOCK-BACKUP" | version 01 | kdf 01 (Argon2id v1.3) |
 * memory KiB u32 | passes u32 | lanes u8 | salt 16 | nonce 12 | chunk size u32 | verifier 32},
 * then the plaintext in chunks of {@code chunk size} bytes (the last shorter, possibly empty), each
 * AES-256-GCM sealed with nonce = {@code nonce XOR index} (big-endian, last 8 bytes) and associated
 * data = header | index u64 | final u8. The verifier is HMAC-SHA256 over the header before it, so a
 * wrong passphrase is told apart from damaged data; the final flag makes a file cut at a chunk
 * boundary fail.
 */
public final class OfflineCrypto {
    /** Salt length for PIN hashes and backups. */
    public static final int SALT_LENGTH = 16;
    /** Hash length of {@link #pinHash}. */
    public static final int HASH_LENGTH = Argon2id.KEY_LENGTH;
    /** Argon2id cost of an operator PIN: OWASP's 19 MiB, 2 passes (measured by CostBench: tests/bench.sh costs). */
    public static final Cost PIN_COST = new Cost(19 * 1024, 2);
    /** Argon2id cost of a backup key when the keyring names none: the keyring's default (64 MiB, 3 passes). */
    public static final Cost BACKUP_COST = new Cost(KdfParams.DEFAULT.memoryKiB(), KdfParams.DEFAULT.iterations());

    private static final byte[] MAGIC = "AIRLOCK-BACKUP".getBytes(StandardCharsets.US_ASCII);
    private static final byte VERSION = 1;
    private static final byte KDF_ARGON2ID = 1;
    private static final int VERIFIER_LENGTH = 32;
    private static final int UNVERIFIED_HEADER = MAGIC.length + 1 + 1 + 4 + 4 + 1 + SALT_LENGTH
            + Aead.NONCE_LENGTH + 4;
    /** Bytes before the first chunk. */
    public static final int HEADER_LENGTH = UNVERIFIED_HEADER + VERIFIER_LENGTH;
    private static final int TAG_LENGTH = 16;
    private static final int CHUNK_SIZE = 1 << 20;
    private static final int MIN_CHUNK = 4096;
    private static final int MAX_CHUNK = 16 << 20;
    private static final byte[] DATA_INFO = "airlock backup v1 data".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] VERIFIER_INFO = "airlock backup v1 verifier".getBytes(StandardCharsets.US_ASCII);

    private OfflineCrypto() {}

    /** Argon2id cost parameters (one lane). Bounded so a damaged header cannot ask for gigabytes. */
    public record Cost(int memoryKiB, int iterations) {
        public Cost {
            if (memoryKiB < 8 || memoryKiB > KdfParams.MAX_MEMORY_KIB || iterations < 1
                    || iterations > KdfParams.MAX_ITERATIONS) {
                throw new IllegalArgumentException("Argon2id cost out of range: " + memoryKiB + " KiB, " + iterations
                        + " passes");
            }
        }

        @Override
        public String toString() {
            return "Argon2id m=" + memoryKiB + "KiB t=" + iterations + " p=1";
        }
    }

    /**
     * The Argon2id cost {@code store}'s keyring uses for the supervisor passphrase (what was chosen
     * for this passphrase on this hardware), else {@link #BACKUP_COST}. Backups derive with it.
     */
    public static Cost keyringCost(Store store) {
        return store.read(tx -> new KeyRepository().keyring(tx))
                .map(k -> new Cost(k.params().memoryKiB(), k.params().iterations()))
                .orElse(BACKUP_COST);
    }

    /**
     * The Argon2id hash of {@code pin} (ASCII digits) with {@code salt}. Does not wipe {@code pin};
     * compare hashes with {@link #sameHash}.
     */
    public static byte[] pinHash(char[] pin, byte[] salt, Cost cost) {
        byte[] bytes = new byte[pin.length];
        for (int i = 0; i < pin.length; i++) {
            if (pin[i] > 0x7f) {
                throw new IllegalArgumentException("a PIN is ASCII digits");
            }
            bytes[i] = (byte) pin[i];
        }
        try {
            return Argon2id.derive(bytes, salt, cost.memoryKiB(), cost.iterations(), 1);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /** Constant-time comparison of two hashes. */
    public static boolean sameHash(byte[] a, byte[] b) {
        return MessageDigest.isEqual(a, b);
    }

    /** Why a backup file could not be opened; {@link BackupUnreadable#reason()} tells which. */
    public static final class BackupUnreadable extends KeysException {
        private static final long serialVersionUID = 1L;

        /** What was wrong. */
        public enum Reason { NOT_A_BACKUP, NEWER_VERSION, WRONG_PASSPHRASE, DAMAGED, TRUNCATED }

        private final Reason reason;

        BackupUnreadable(Reason reason, String message) {
            super(message);
            this.reason = reason;
        }

        public Reason reason() {
            return reason;
        }
    }

    /**
     * Encrypts {@code plain} to {@code out} in the backup format under a key derived from
     * {@code passphrase} with fresh salt and nonce. Memory stays at about two chunks (1 MiB each).
     */
    public static void encryptBackup(InputStream plain, OutputStream out, Passphrase passphrase, Cost cost,
            SecureRandom random) throws IOException {
        byte[] salt = new byte[SALT_LENGTH];
        byte[] nonce = new byte[Aead.NONCE_LENGTH];
        random.nextBytes(salt);
        random.nextBytes(nonce);
        byte[] unverified = ByteBuffer.allocate(UNVERIFIED_HEADER).put(MAGIC).put(VERSION).put(KDF_ARGON2ID)
                .putInt(cost.memoryKiB()).putInt(cost.iterations()).put((byte) 1).put(salt).put(nonce)
                .putInt(CHUNK_SIZE).array();
        byte[] master = derive(passphrase, salt, cost);
        byte[] dataKey = Aead.subkey(master, salt, DATA_INFO);
        byte[] verifyKey = Aead.subkey(master, salt, VERIFIER_INFO);
        try {
            byte[] header = Arrays.copyOf(unverified, HEADER_LENGTH);
            System.arraycopy(Aead.hmac(verifyKey, unverified), 0, header, UNVERIFIED_HEADER, VERIFIER_LENGTH);
            out.write(header);
            long index = 0;
            while (true) {
                byte[] chunk = plain.readNBytes(CHUNK_SIZE);
                boolean last = chunk.length < CHUNK_SIZE;
                out.write(Aead.seal(dataKey, chunkNonce(nonce, index), chunkAd(header, index, last), chunk));
                Arrays.fill(chunk, (byte) 0);
                if (last) {
                    break;
                }
                index++;
            }
        } finally {
            Aead.wipe(master);
            Aead.wipe(dataKey);
            Aead.wipe(verifyKey);
        }
    }

    /**
     * Decrypts a backup from {@code in} to {@code plain}, chunk by chunk. Plaintext is written
     * before the end is checked: the caller must discard {@code plain} unless this returns normally.
     */
    public static void decryptBackup(InputStream in, OutputStream plain, Passphrase passphrase)
            throws IOException, BackupUnreadable {
        Header parsed = Header.read(in);
        byte[] header = parsed.bytes;
        Cost cost = parsed.cost;
        int chunkSize = parsed.chunkSize;
        byte[] salt = parsed.salt;
        byte[] nonce = parsed.nonce;
        byte[] verifier = Arrays.copyOfRange(header, UNVERIFIED_HEADER, HEADER_LENGTH);
        byte[] master = derive(passphrase, salt, cost);
        byte[] dataKey = Aead.subkey(master, salt, DATA_INFO);
        byte[] verifyKey = Aead.subkey(master, salt, VERIFIER_INFO);
        try {
            if (!MessageDigest.isEqual(verifier, Aead.hmac(verifyKey, Arrays.copyOf(header, UNVERIFIED_HEADER)))) {
                throw new BackupUnreadable(BackupUnreadable.Reason.WRONG_PASSPHRASE,
                        "wrong passphrase for this backup");
            }
            long index = 0;
            while (true) {
                byte[] sealed = in.readNBytes(chunkSize + TAG_LENGTH);
                boolean last = sealed.length < chunkSize + TAG_LENGTH;
                if (sealed.length < TAG_LENGTH) {
                    throw truncated();
                }
                byte[] chunk;
                try {
                    chunk = Aead.open(dataKey, chunkNonce(nonce, index), chunkAd(header, index, last), sealed);
                } catch (Aead.OpenFailed e) {
                    throw new BackupUnreadable(BackupUnreadable.Reason.DAMAGED, "the backup is damaged or"
                            + " truncated: part " + (index + 1) + " does not check out");
                }
                plain.write(chunk);
                Arrays.fill(chunk, (byte) 0);
                if (last) {
                    return;
                }
                index++;
            }
        } finally {
            Aead.wipe(master);
            Aead.wipe(dataKey);
            Aead.wipe(verifyKey);
        }
    }

    /**
     * The Argon2id cost a backup's header asks for: what opening it will spend before the
     * passphrase can be checked. Reads and checks only the header (shape, version, bounds).
     */
    public static Cost backupCost(InputStream in) throws IOException, BackupUnreadable {
        return Header.read(in).cost;
    }

    /** A backup file's header, its shape checked; the verifier in it is not checked here. */
    private static final class Header {
        final byte[] bytes;
        final Cost cost;
        final int chunkSize;
        final byte[] salt;
        final byte[] nonce;

        private Header(byte[] bytes, Cost cost, int chunkSize, byte[] salt, byte[] nonce) {
            this.bytes = bytes;
            this.cost = cost;
            this.chunkSize = chunkSize;
            this.salt = salt;
            this.nonce = nonce;
        }

        static Header read(InputStream in) throws IOException, BackupUnreadable {
            byte[] header = in.readNBytes(HEADER_LENGTH);
            if (header.length == 0) {
                throw new BackupUnreadable(BackupUnreadable.Reason.TRUNCATED, "the backup file is empty (copied"
                        + " incompletely?)");
            }
            if (header.length < MAGIC.length && Arrays.equals(header, Arrays.copyOf(MAGIC, header.length))) {
                throw truncated();
            }
            if (header.length < MAGIC.length || !Arrays.equals(Arrays.copyOf(header, MAGIC.length), MAGIC)) {
                throw new BackupUnreadable(BackupUnreadable.Reason.NOT_A_BACKUP, "not an Airlock backup file");
            }
            if (header.length > MAGIC.length && header[MAGIC.length] != VERSION) {
                throw new BackupUnreadable(BackupUnreadable.Reason.NEWER_VERSION, "backup format version "
                        + (header[MAGIC.length] & 0xff) + " is not known to this Airlock");
            }
            if (header.length < HEADER_LENGTH) {
                throw truncated();
            }
            ByteBuffer h = ByteBuffer.wrap(header, MAGIC.length + 1, HEADER_LENGTH - MAGIC.length - 1);
            Cost cost;
            int chunkSize;
            byte[] salt = new byte[SALT_LENGTH];
            byte[] nonce = new byte[Aead.NONCE_LENGTH];
            try {
                if (h.get() != KDF_ARGON2ID) {
                    throw new IllegalArgumentException("unknown KDF");
                }
                cost = new Cost(h.getInt(), h.getInt());
                if (h.get() != 1) {
                    throw new IllegalArgumentException("lanes");
                }
                h.get(salt).get(nonce);
                chunkSize = h.getInt();
                if (chunkSize < MIN_CHUNK || chunkSize > MAX_CHUNK) {
                    throw new IllegalArgumentException("chunk size");
                }
            } catch (IllegalArgumentException e) {
                throw new BackupUnreadable(BackupUnreadable.Reason.DAMAGED, "the backup's header is damaged");
            }
            return new Header(header, cost, chunkSize, salt, nonce);
        }
    }

    private static BackupUnreadable truncated() {
        return new BackupUnreadable(BackupUnreadable.Reason.TRUNCATED, "the backup is truncated (the file ends too"
                + " early: copied incompletely?)");
    }

    private static byte[] derive(Passphrase passphrase, byte[] salt, Cost cost) {
        byte[] pw = passphrase.revealUtf8();
        try {
            return Argon2id.derive(pw, salt, cost.memoryKiB(), cost.iterations(), 1);
        } finally {
            Arrays.fill(pw, (byte) 0);
        }
    }

    private static byte[] chunkNonce(byte[] nonce, long index) {
        byte[] n = nonce.clone();
        for (int i = 0; i < 8; i++) {
            n[n.length - 1 - i] ^= (byte) (index >>> (8 * i));
        }
        return n;
    }

    private static byte[] chunkAd(byte[] header, long index, boolean last) {
        return ByteBuffer.allocate(header.length + 9).put(header).putLong(index).put((byte) (last ? 1 : 0)).array();
    }
}
