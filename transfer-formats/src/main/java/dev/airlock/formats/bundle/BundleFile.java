package dev.airlock.formats.bundle;

import dev.airlock.formats.signature.BadSignatureException;
import dev.airlock.formats.signature.PublicKey;
import dev.airlock.formats.xml.HardenedXml;
import dev.airlock.formats.xml.XmlRefusedException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Rendering A: a bundle as one self-contained, human-readable XML file for a USB stick
 * (bundle-1.xsd). It shows every field, and carries the signed canonical payload, the signature
 * and the signer's public key (PEM) so openssl alone can check it (FORMAT.md). The reader
 * decodes from the signed payload and refuses a file whose readable part says anything else.
 * This is the public entry; {@link BundleFileWriter} and {@link BundleFileReader} do the work.
 */
public final class BundleFile {
    /** Largest file accepted; a 20,000-record request is about 5 MB. */
    public static final int MAX_BYTES = 16 << 20;
    /** XSD resource on the classpath. */
    public static final String XSD_RESOURCE = "/dev/airlock/formats/bundle/bundle-1.xsd";
    /** What a refused file should have been, as the shared XML checks say it. */
    static final String FORMAT = "an Airlock bundle file";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);

    private BundleFile() {}

    /** The file name: {@code airlock-<kind>-<8 hex of id>-<yyyyMMdd>.xml} (key cards: of the key id). */
    public static String fileName(SignedBundle bundle) {
        record Named(String shortId, java.time.Instant created) {}
        Named n = switch (bundle.content()) {
            case RequestBundle r -> new Named(r.id().shortId(), r.created());
            case ResponseBundle r -> new Named(r.id().shortId(), r.created());
            case KeyCard k -> new Named(k.key().id().toString().substring(0, 8), k.created());
        };
        return "airlock-" + bundle.kind().word() + "-" + n.shortId() + "-" + DAY.format(n.created()) + ".xml";
    }

    /** The file's bytes (UTF-8). {@code signerKey} is the key that signed it; it is embedded as PEM. */
    public static byte[] write(SignedBundle bundle, PublicKey signerKey) {
        return BundleFileWriter.write(bundle, signerKey);
    }

    /**
     * Checks the bytes of a file this side just wrote, as read back: the signed payload and signature
     * in them make {@code written}'s digest and the signature verifies with {@code signerKey}. That is
     * what proves the medium holds what was signed; the full parse and schema check of
     * {@link #read(byte[])} is for files coming in.
     */
    public static void checkReadBack(byte[] bytes, SignedBundle written, PublicKey signerKey)
            throws MalformedBundleException, BadSignatureException {
        BundleReadBack.check(bytes, written, signerKey);
    }

    /**
     * The digest a file's signed part claims, as {@link SignedBundle#digest()} of a {@code kind} bundle
     * would be: the SHA-256 of the envelope its {@code <Payload>} and {@code <SignatureValue>} make;
     * empty when it has no such pair. No parse and no check: a quick way to recognise a file whose
     * digest is already on record (e.g. in a ledger); anything else is {@link #read(byte[])}'s job.
     */
    public static java.util.Optional<byte[]> claimedDigest(byte[] bytes, BundleKind kind) {
        return BundleReadBack.claimedDigest(bytes, kind);
    }

    /** Reads a bundle file, refusing one larger than {@link #MAX_BYTES} before reading it. */
    public static SignedBundle read(Path file) throws IOException, MalformedBundleException, BadSignatureException {
        try {
            return read(HardenedXml.readLimited(file, MAX_BYTES, FORMAT));
        } catch (XmlRefusedException e) {
            throw new MalformedBundleException(e.getMessage(), e);
        }
    }

    /**
     * Reads a bundle file: hardened XML checks, the XSD, strict decoding of the signed payload,
     * the embedded key and signature, then the readable part against the payload. Whether the
     * signer is trusted is the caller's decision ({@link SignedBundle#verify(PublicKey)}).
     */
    public static SignedBundle read(byte[] bytes) throws MalformedBundleException, BadSignatureException {
        return BundleFileReader.read(bytes);
    }
}
