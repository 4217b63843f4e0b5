package dev.airlock.appliance.audit;

import dev.airlock.appliance.store.Times;
import dev.airlock.formats.signature.KeyId;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * One signed head of the audit log: the appliance's Ed25519 signature over the row count, the
 * hash of the last row and the time of signing. Every row up to {@code rows} is proven by it.
 *
 * <p>Signed message: the ASCII domain tag {@code airlock/audit-head/1}, one {@code 0x00} byte, then
 * {@code key=<key id>\nrows=<n>\nlast=<hash>\nat=<time>\n} (key id 16 hex digits, hash 64 lower-case
 * hex digits, time as the store writes it), so openssl can check it and a bundle signature can never
 * pass for a head.
 */
public record SignedHead(long rows, String lastHash, Instant signedAt, String keyFingerprint, byte[] signature) {
    private static final byte[] TAG = "airlock/audit-head/1".getBytes(StandardCharsets.US_ASCII);
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern DIGITS = Pattern.compile("[0-9]{30}");

    public SignedHead {
        if (rows < 1) {
            throw new IllegalArgumentException("a signed head covers at least 1 row, not " + rows);
        }
        if (lastHash == null || !HASH.matcher(lastHash).matches()) {
            throw new IllegalArgumentException("a row hash is 64 lower-case hex digits, not '" + lastHash + "'");
        }
        if (keyFingerprint == null || !DIGITS.matcher(keyFingerprint).matches()) {
            throw new IllegalArgumentException("a key fingerprint is 30 digits, not '" + keyFingerprint + "'");
        }
        signedAt = Times.parse(Times.format(signedAt));
        signature = signature.clone();
    }

    /** The bytes the appliance signs for a head of {@code rows} rows ending in {@code lastHash}. */
    public static byte[] message(KeyId key, long rows, String lastHash, Instant signedAt) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(TAG);
        out.write(0);
        out.writeBytes(("key=" + key + "\nrows=" + rows + "\nlast=" + lastHash + "\nat=" + Times.format(signedAt)
                + "\n").getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    /** The bytes this head's signature is over, for {@code key}. */
    public byte[] message(KeyId key) {
        return message(key, rows, lastHash, signedAt);
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SignedHead h && rows == h.rows && lastHash.equals(h.lastHash)
                && signedAt.equals(h.signedAt) && keyFingerprint.equals(h.keyFingerprint)
                && Arrays.equals(signature, h.signature);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(rows) * 31 + lastHash.hashCode();
    }

    @Override
    public String toString() {
        return "signed head of row " + rows + " (" + Times.format(signedAt) + ", signature "
                + HexFormat.of().formatHex(signature, 0, Math.min(4, signature.length)) + "...)";
    }
}
