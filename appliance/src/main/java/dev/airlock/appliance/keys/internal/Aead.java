package dev.airlock.appliance.keys.internal;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;

/** AES-256-GCM (JCA) under a per-secret key from HKDF-SHA256 (Bouncy Castle), and HMAC-SHA256. */
public final class Aead {
    /** GCM nonce length in bytes. */
    public static final int NONCE_LENGTH = 12;
    /** GCM tag length in bits. */
    private static final int TAG_BITS = 128;

    private Aead() {}

    /** Thrown when a ciphertext, its nonce, key or associated data do not belong together. */
    public static final class OpenFailed extends Exception {
        private static final long serialVersionUID = 1L;

        OpenFailed() {
            super("authentication failed");
        }
    }

    /** HKDF-SHA256 of {@code key} with {@code salt} and {@code info}: one 32-byte subkey. */
    public static byte[] subkey(byte[] key, byte[] salt, byte[] info) {
        HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
        hkdf.init(new HKDFParameters(key, salt, info));
        byte[] out = new byte[32];
        hkdf.generateBytes(out, 0, out.length);
        return out;
    }

    /** Encrypts and authenticates {@code plaintext} and {@code associatedData}. */
    public static byte[] seal(byte[] key, byte[] nonce, byte[] associatedData, byte[] plaintext) {
        try {
            Cipher c = cipher(Cipher.ENCRYPT_MODE, key, nonce);
            c.updateAAD(associatedData);
            return c.doFinal(plaintext);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    /** Decrypts; throws {@link OpenFailed} (and returns no plaintext at all) when anything was altered. */
    public static byte[] open(byte[] key, byte[] nonce, byte[] associatedData, byte[] ciphertext) throws OpenFailed {
        try {
            Cipher c = cipher(Cipher.DECRYPT_MODE, key, nonce);
            c.updateAAD(associatedData);
            return c.doFinal(ciphertext);
        } catch (AEADBadTagException e) {
            throw new OpenFailed();
        } catch (GeneralSecurityException e) {
            // e.g. a ciphertext shorter than the tag
            throw new OpenFailed();
        }
    }

    /** HMAC-SHA256. */
    public static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }

    /** Overwrites {@code secret}. */
    public static void wipe(byte[] secret) {
        if (secret != null) {
            Arrays.fill(secret, (byte) 0);
        }
    }

    private static Cipher cipher(int mode, byte[] key, byte[] nonce) throws GeneralSecurityException {
        if (key.length != 32 || nonce.length != NONCE_LENGTH) {
            throw new IllegalArgumentException("AES-256-GCM needs a 32-byte key and a 12-byte nonce");
        }
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
        return c;
    }
}
