package dev.airlock.appliance.keys;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Optional;

/**
 * The supervisor passphrase, held as characters so it can be wiped. {@link #toString()} never
 * shows it; only this package reads it ({@link #revealUtf8()}), to derive the sealing key.
 */
public final class Passphrase implements AutoCloseable, KeyAccess {
    /** The shortest passphrase accepted when one is set. */
    public static final int MIN_LENGTH = 10;
    /** The longest passphrase accepted (keeps the KDF input bounded). */
    public static final int MAX_LENGTH = 1024;
    private final char[] chars;
    /** A derivation of this passphrase started ahead of its use ({@link PassphraseGuard#deriveAhead}). */
    private Ahead ahead;
    private boolean closed;

    /** A derivation running ahead: the parameters and salt it is for, and its result when done. */
    record Ahead(KdfParams params, byte[] salt, java.util.concurrent.CompletableFuture<Unlocked> derivation) {}

    private Passphrase(char[] chars) {
        this.chars = chars;
    }

    /** A passphrase from what was typed (copied; the caller may wipe {@code typed} afterwards). */
    public static Passphrase of(char[] typed) {
        if (typed == null || typed.length == 0) {
            throw new IllegalArgumentException("the passphrase is empty");
        }
        if (typed.length > MAX_LENGTH) {
            throw new IllegalArgumentException("the passphrase is longer than " + MAX_LENGTH + " characters");
        }
        return new Passphrase(typed.clone());
    }

    /** A passphrase from a string (e.g. the AIRLOCK_PASSPHRASE variable, which cannot be wiped anyway). */
    public static Passphrase of(String typed) {
        return of(typed == null ? new char[0] : typed.toCharArray());
    }

    /** Refuses a passphrase too weak to set as the supervisor passphrase; the message never shows it. */
    public void checkStrongEnoughToSet() throws WeakPassphraseException {
        int length = String.valueOf(chars).codePointCount(0, chars.length);
        if (String.valueOf(chars).isBlank()) {
            throw new WeakPassphraseException("the passphrase is blank: choose one of at least " + MIN_LENGTH
                    + " characters");
        }
        if (length < MIN_LENGTH) {
            throw new WeakPassphraseException("the passphrase is too short (" + length + " characters): choose one"
                    + " of at least " + MIN_LENGTH + " characters, e.g. four unrelated words");
        }
    }

    /** Whether both hold the same characters (to compare a passphrase typed twice). */
    public boolean sameAs(Passphrase other) {
        return java.security.MessageDigest.isEqual(revealUtf8(), other.revealUtf8());
    }

    /**
     * The passphrase as UTF-8 bytes of its NFC form (so the same typed text gives the same bytes
     * from any keyboard or input method). Secret: only for the key derivation; wipe the result.
     */
    synchronized byte[] revealUtf8() {
        String nfc = Normalizer.normalize(CharBuffer.wrap(chars), Normalizer.Form.NFC);
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(nfc);
        byte[] out = new byte[encoded.remaining()];
        encoded.get(out);
        if (encoded.hasArray()) {
            Arrays.fill(encoded.array(), (byte) 0);
        }
        return out;
    }

    /** Keeps {@code a}, a derivation of this passphrase now running; a closed passphrase closes its result at once. */
    synchronized void startedAhead(Ahead a) {
        if (closed) {
            a.derivation().thenAccept(Unlocked::close);
            return;
        }
        if (ahead != null) {
            ahead.derivation().thenAccept(Unlocked::close);
        }
        ahead = a;
    }

    /** Whether a derivation started ahead waits to be taken. */
    synchronized boolean derivingAhead() {
        return ahead != null;
    }

    /**
     * The derivation started ahead for {@code params} and {@code salt}, once it is done; empty when
     * none was started, it was for other parameters (the keyring changed meanwhile) or it failed,
     * so the caller derives anew. Taken once.
     */
    Optional<Unlocked> takeAhead(KdfParams params, byte[] salt) {
        Ahead a;
        synchronized (this) {
            a = ahead;
            ahead = null;
        }
        if (a == null) {
            return Optional.empty();
        }
        Unlocked unlocked;
        try {
            unlocked = a.derivation().join();
        } catch (java.util.concurrent.CompletionException | java.util.concurrent.CancellationException e) {
            return Optional.empty();
        }
        if (a.params().equals(params) && Arrays.equals(a.salt(), salt)) {
            return Optional.of(unlocked);
        }
        unlocked.close();
        return Optional.empty();
    }

    /**
     * Overwrites the characters; the passphrase is unusable afterwards. A derivation still running
     * ahead has its key wiped as soon as it is done.
     */
    @Override
    public synchronized void close() {
        closed = true;
        Arrays.fill(chars, '\0');
        if (ahead != null) {
            ahead.derivation().thenAccept(Unlocked::close);
            ahead = null;
        }
    }

    /** Never the passphrase itself. */
    @Override
    public String toString() {
        return "Passphrase[hidden]";
    }
}
