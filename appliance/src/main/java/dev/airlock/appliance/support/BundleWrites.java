package dev.airlock.appliance.support;

import dev.airlock.formats.FormatException;
import dev.airlock.formats.bundle.BundleFile;
import dev.airlock.formats.bundle.SignedBundle;
import dev.airlock.formats.signature.PublicKey;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Bundle files this side writes (requests, responses, key cards): atomically through
 * {@link AtomicFiles}, then read back and checked where it matters, the digest and signature over
 * the bytes on the medium (not a full parse: that is for files coming in).
 */
public final class BundleWrites {
    private BundleWrites() {}

    /** Writes {@code bundle} signed by {@code signerKey} to {@code file} atomically and checks it read back. */
    public static void write(Path file, SignedBundle bundle, PublicKey signerKey) throws IOException {
        AtomicFiles.write(file, BundleFile.write(bundle, signerKey));
        checkReadBack(file, bundle, signerKey);
    }

    /**
     * Reads {@code file} back and checks that the signed payload and signature in it make
     * {@code bundle}'s digest and verify with {@code signerKey}.
     *
     * @throws IOException unreadable, or not what was signed (the medium cannot be trusted)
     */
    public static void checkReadBack(Path file, SignedBundle bundle, PublicKey signerKey) throws IOException {
        byte[] back = AtomicFiles.readBack(file);
        try {
            BundleFile.checkReadBack(back, bundle, signerKey);
        } catch (FormatException e) {
            throw new IOException("the bundle read back from " + file + " does not verify (" + e.getMessage()
                    + "); the medium cannot be trusted", e);
        }
    }
}
