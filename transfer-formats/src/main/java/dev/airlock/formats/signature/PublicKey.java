package dev.airlock.formats.signature;

import dev.airlock.formats.signature.internal.Ed25519;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

/** An Ed25519 public key: its 32 raw bytes, id, fingerprint and verifier. */
public final class PublicKey {
    /** Raw Ed25519 public key length. */
    public static final int LENGTH = 32;
    /** DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410), as openssl reads it. */
    private static final byte[] SPKI_PREFIX = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};

    private final byte[] raw;

    private PublicKey(byte[] raw) {
        this.raw = raw;
    }

    /** From the 32 raw bytes; rejects other lengths and points that are not on the curve. */
    public static PublicKey ofRaw(byte[] raw) {
        if (raw.length != LENGTH) {
            throw new IllegalArgumentException("an Ed25519 public key has 32 bytes, not " + raw.length);
        }
        if (!Ed25519.isValidPublicKey(raw)) {
            throw new IllegalArgumentException("these 32 bytes are not an Ed25519 public key");
        }
        return new PublicKey(raw.clone());
    }

    public byte[] raw() {
        return raw.clone();
    }

    public KeyId id() {
        return KeyId.of(Arrays.copyOf(sha256(raw), KeyId.LENGTH));
    }

    public Fingerprint fingerprint() {
        return Fingerprint.ofDigest(sha256(raw));
    }

    /** A verifier for signatures made with the matching private key. */
    public Verifier verifier() {
        return (signature, data) -> Ed25519.verify(raw, signature, data);
    }

    /** The key as a PEM SubjectPublicKeyInfo, which {@code openssl pkeyutl -verify -pubin} reads. */
    public String toPem() {
        byte[] der = new byte[SPKI_PREFIX.length + LENGTH];
        System.arraycopy(SPKI_PREFIX, 0, der, 0, SPKI_PREFIX.length);
        System.arraycopy(raw, 0, der, SPKI_PREFIX.length, LENGTH);
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getEncoder().encodeToString(der)
                + "\n-----END PUBLIC KEY-----\n";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PublicKey other && Arrays.equals(raw, other.raw);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(raw);
    }

    @Override
    public String toString() {
        return "Ed25519 key " + id() + " (" + fingerprint() + ")";
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

}
