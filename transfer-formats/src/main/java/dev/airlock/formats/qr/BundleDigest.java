package dev.airlock.formats.qr;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/** SHA-256 of the bundle: bytes 0..8 are the stream trailer, bytes 8..16 give the short id. */
final class BundleDigest {
    static final int TRAILER_BYTES = 8;

    private BundleDigest() {
    }

    static byte[] trailer(byte[] bundle, int length) {
        return Arrays.copyOf(sha256(bundle, length), TRAILER_BYTES);
    }

    /** The 6-digit short id: SHA-256 bytes 8..16 as an unsigned number, mod 10^6. */
    static String shortId(byte[] bundle, int length) {
        byte[] digest = sha256(bundle, length);
        long value = 0;
        for (int i = 8; i < 16; i++) {
            value = value << 8 | (digest[i] & 0xff);
        }
        return String.format("%06d", Long.remainderUnsigned(value, 1_000_000L));
    }

    private static byte[] sha256(byte[] bytes, int length) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(bytes, 0, length);
            return sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
