package dev.airlock.appliance.bundles;

import dev.airlock.appliance.support.AtomicFiles;
import dev.airlock.appliance.support.BundleWrites;
import dev.airlock.formats.FormatException;
import dev.airlock.formats.bundle.BundleFile;
import dev.airlock.formats.bundle.BundleKind;
import dev.airlock.formats.bundle.SignedBundle;
import dev.airlock.formats.outside.OutsideFiles;
import dev.airlock.formats.outside.TooLargeException;
import dev.airlock.formats.qr.QrDecoder;
import dev.airlock.formats.qr.QrEncoder;
import dev.airlock.formats.qr.QrImageDecoder;
import dev.airlock.formats.qr.QrOptions;
import dev.airlock.formats.qr.QrRenderer;
import dev.airlock.formats.qr.ScanResult;
import dev.airlock.formats.signature.Fingerprint;
import dev.airlock.formats.signature.KeyId;
import dev.airlock.formats.signature.PublicKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/** Carries bundle files as QR frames and back. */
public final class QrTransfer {
    /** Pixels per module of written PNGs: comfortably above the 4 px handheld scanners need. */
    public static final int PIXELS_PER_MODULE = 6;
    /** The text file of frame contents, one frame per line. */
    public static final String FRAMES_FILE = "frames.txt";

    /** The largest frames text file read (far more than any bundle's frames). */
    public static final long FRAMES_FILE_LIMIT = 64L << 20;

    /** Whether a file, by its name, is a picture of a frame (PNG, JPEG, GIF, BMP) rather than a frames text file. */
    public static boolean isFrameImage(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".png") || lower.endsWith(".jpg") || lower.endsWith(".jpeg") || lower.endsWith(".gif")
                || lower.endsWith(".bmp");
    }

    /**
     * The lines of a frames text file (one scanned frame per line), read up to {@link #FRAMES_FILE_LIMIT}.
     *
     * @throws TooLargeException when the file is larger
     */
    public static List<String> readFramesFile(Path file) throws IOException, TooLargeException {
        return new String(OutsideFiles.readLimited(file, FRAMES_FILE_LIMIT), StandardCharsets.UTF_8).lines().toList();
    }

    private final BundleService bundles;

    public QrTransfer(BundleService bundles) {
        this.bundles = bundles;
    }

    /** What encoding wrote. */
    public record Encoded(List<Path> images, Path framesFile, QrOptions options, String bundleId) {}

    /**
     * Renders a bundle file as numbered frame PNGs ({@code frame-001-of-012.png}) plus
     * {@value #FRAMES_FILE} in {@code dir}.
     */
    public static Encoded encode(Path bundleFile, Path dir, QrOptions options) throws IOException, FormatException {
        SignedBundle bundle = BundleFile.read(bundleFile);
        QrEncoder encoder = new QrEncoder(bundle.envelope(), options);
        List<Path> images = new ArrayList<>();
        List<String> frames = encoder.frames();
        for (int i = 0; i < frames.size(); i++) {
            Path png = dir.resolve(String.format(Locale.ROOT, "frame-%03d-of-%03d.png", i + 1, frames.size()));
            AtomicFiles.write(png, QrRenderer.png(frames.get(i), options, PIXELS_PER_MODULE));
            images.add(png);
        }
        Path text = dir.resolve(FRAMES_FILE);
        AtomicFiles.write(text, (String.join("\n", frames) + "\n").getBytes(StandardCharsets.US_ASCII));
        return new Encoded(images, text, options, encoder.bundleId());
    }

    /** Outcome of reassembling the frames of one bundle (one per bundle id the frames held). */
    public sealed interface Decoded {
        /** The bundle was complete, verified and written. */
        record Written(Path file, Inspection inspection) implements Decoded {}

        /** Complete and its signature intact, written, but with no store its signer's trust was not checked. */
        record Unchecked(Path file, BundleKind kind, KeyId signer, Fingerprint fingerprint) implements Decoded {}

        /** Every frame was there, but the bundle was not written; {@code reason} says why and what to do. */
        record NotWritten(String bundleId, String reason) implements Decoded {}

        /** Not all frames of this bundle were there; nothing of it was written. */
        record Incomplete(QrDecoder.Assembly assembly) implements Decoded {
            /** "2 of 5 frames of bundle 318402 (missing 3, 4, 5): incomplete, not written". */
            public String inWords() {
                return assembly.inWords() + ": incomplete, not written";
            }
        }

        /** Whether this bundle's file was written. */
        default boolean written() {
            return this instanceof Written || this instanceof Unchecked;
        }
    }

    /**
     * Feeds scanned lines (from a frames text file or a scanner log) and/or QR images to a
     * decoder, reporting every line's result to {@code progress}; checks each complete bundle
     * against this appliance's trust store and writes it as a bundle file into {@code dir}.
     *
     * @return one outcome per bundle the frames held, in the order its first frame came; empty
     *     when no valid frame was read at all
     */
    public List<Decoded> decode(List<String> lines, List<Path> images, Path dir, Consumer<String> progress)
            throws IOException, FormatException {
        List<Decoded> all = new ArrayList<>();
        for (Reassembled set : reassemble(lines, images, progress)) {
            if (set.bundle().isEmpty()) {
                all.add(set.incomplete());
                continue;
            }
            all.add(writeTrusted(set.assembly().bundleId(), set.bundle().get(), dir));
        }
        return all;
    }

    private Decoded writeTrusted(String id, byte[] bytes, Path dir) throws IOException {
        try {
            SignedBundle bundle = SignedBundle.parse(bytes);
            Inspection inspection = bundles.inspect(bundle);
            if (!inspection.trusted()) {
                return new Decoded.NotWritten(id, "the frames hold a complete " + inspection.kind().word()
                        + " bundle, but " + inspection.problem().orElse("its signer is not trusted here")
                        + "; nothing was written");
            }
            PublicKey key = bundles.knownSigner(bundle).orElseThrow();
            Path file = dir.resolve(BundleFile.fileName(bundle));
            BundleWrites.write(file, bundle, key);
            return new Decoded.Written(file, inspection);
        } catch (FormatException e) {
            return new Decoded.NotWritten(id, e.getMessage() + "; nothing was written");
        }
    }

    /**
     * As {@link #decode}, where there is no store to check trust against: the signature is checked
     * against the key the bundle carries (a key card) or {@code signerKey} (the signer's key card,
     * given by the user), but nobody has said that key is trusted.
     */
    public static List<Decoded> decodeUnchecked(List<String> lines, List<Path> images, Path dir,
            Optional<PublicKey> signerKey, Consumer<String> progress) throws IOException, FormatException {
        List<Decoded> all = new ArrayList<>();
        for (Reassembled set : reassemble(lines, images, progress)) {
            if (set.bundle().isEmpty()) {
                all.add(set.incomplete());
                continue;
            }
            all.add(writeUnchecked(set.assembly().bundleId(), set.bundle().get(), dir, signerKey));
        }
        return all;
    }

    private static Decoded writeUnchecked(String id, byte[] bytes, Path dir, Optional<PublicKey> signerKey)
            throws IOException {
        try {
            SignedBundle bundle = SignedBundle.parse(bytes);
            PublicKey key;
            if (bundle.kind() == BundleKind.KEY_CARD) {
                key = bundle.keyCard().key(); // checks the card's self-signature
            } else if (signerKey.isPresent()) {
                key = signerKey.get();
                if (!key.id().equals(bundle.signer())) {
                    return new Decoded.NotWritten(id, "the frames hold a " + bundle.kind().word()
                            + " bundle signed by key " + bundle.signer() + ", but the key card given is for key "
                            + key.id() + "; give the signer's own key card; nothing was written");
                }
            } else {
                return new Decoded.NotWritten(id, "the frames hold a complete " + bundle.kind().word()
                        + " bundle signed by key " + bundle.signer() + ", but QR frames carry only the signer's key"
                        + " id, not its key: give the signer's key card with --signer-card CARD, or decode where the"
                        + " data dir is (--data DIR); nothing was written");
            }
            bundle.verify(key);
            Path file = dir.resolve(BundleFile.fileName(bundle));
            BundleWrites.write(file, bundle, key);
            return new Decoded.Unchecked(file, bundle.kind(), bundle.signer(), key.fingerprint());
        } catch (FormatException e) {
            return new Decoded.NotWritten(id, e.getMessage() + "; nothing was written");
        }
    }

    /** The frames of one bundle id: its bytes when complete. */
    private record Reassembled(QrDecoder.Assembly assembly, Optional<byte[]> bundle) {
        Decoded.Incomplete incomplete() {
            return new Decoded.Incomplete(assembly);
        }
    }

    /** Every line and image through one decoder; one set per bundle id, in the order its first frame came. */
    private static List<Reassembled> reassemble(List<String> lines, List<Path> images, Consumer<String> progress)
            throws IOException, FormatException {
        QrDecoder decoder = new QrDecoder();
        List<String> inputs = new ArrayList<>(lines);
        for (Path image : images) {
            inputs.add(QrImageDecoder.decode(image));
        }
        for (String line : inputs) {
            if (line.isBlank()) {
                continue;
            }
            ScanResult r = decoder.receivePart(line);
            String id = decoder.bundleId().orElse("?");
            if (r instanceof ScanResult.Complete) {
                progress.accept("complete: all frames of bundle " + id + " read");
            } else if (r instanceof ScanResult.Progress p) {
                progress.accept(String.format(Locale.ROOT, "frame accepted: %d of %d of bundle %s (%d%%)",
                        p.received(), p.total(), id, p.percent()));
            } else if (r instanceof ScanResult.Rejected x) {
                progress.accept("frame refused: " + x.reason());
            }
        }
        List<Reassembled> sets = new ArrayList<>();
        for (QrDecoder.Assembly a : decoder.assemblies()) {
            sets.add(new Reassembled(a, decoder.result(a.bundleId())));
        }
        return sets;
    }
}
