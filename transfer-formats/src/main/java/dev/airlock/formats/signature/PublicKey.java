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

    /**
     * From an Ed25519 SubjectPublicKeyInfo in PEM, as {@code openssl pkey -pubout} writes it: one
     * {@code PUBLIC KEY} block, nothing else but blank lines around it. Refuses other key types,
     * private keys and damaged text, saying which.
     */
    public static PublicKey fromPem(String pem) {
        if (pem.length() > 4096) {
            throw new IllegalArgumentException("this is not an Ed25519 public key in PEM: the text is "
                    + pem.length() + " characters long, a key is about 113");
        }
        String text = pem.strip();
        if (text.contains("PRIVATE KEY-----")) {
            throw new IllegalArgumentException("this PEM holds a private key; give the public key"
                    + " (openssl pkey -in KEY.pem -pubout)");
        }
        String begin = "-----BEGIN PUBLIC KEY-----";
        String end = "-----END PUBLIC KEY-----";
        if (!text.startsWith(begin) || !text.endsWith(end) || text.indexOf(begin, 1) >= 0) {
            throw new IllegalArgumentException("this is not one PEM public key (it must be a single block from "
                    + begin + " to " + end + ")");
        }
        String body = text.substring(begin.length(), text.length() - end.length()).replaceAll("\\s", "");
        byte[] der;
        try {
            der = Base64.getDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the PEM public key is damaged: its base64 text does not decode", e);
        }
        return fromSpki(der);
    }

    /** From the DER bytes of an Ed25519 SubjectPublicKeyInfo (RFC 8410): 12 fixed bytes, then the 32-byte key. */
    public static PublicKey fromSpki(byte[] der) {
        if (der.length != SPKI_PREFIX.length + LENGTH
                || !Arrays.equals(der, 0, SPKI_PREFIX.length, SPKI_PREFIX, 0, SPKI_PREFIX.length)) {
            throw new IllegalArgumentException("this public key is not an Ed25519 key (another algorithm, or a"
                    + " damaged file): Airlock only reads Ed25519 keys (openssl genpkey -algorithm ed25519)");
        }
        return ofRaw(Arrays.copyOfRange(der, SPKI_PREFIX.length, der.length));
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
