package dev.airlock.appliance.bundles;

import dev.airlock.appliance.support.AtomicFiles;
import dev.airlock.formats.FormatException;
import dev.airlock.formats.bundle.BundleFile;
import dev.airlock.formats.bundle.SignedBundle;
import dev.airlock.formats.qr.QrDecoder;
import dev.airlock.formats.qr.QrEncoder;
import dev.airlock.formats.qr.QrImageDecoder;
import dev.airlock.formats.qr.QrOptions;
import dev.airlock.formats.qr.QrRenderer;
import dev.airlock.formats.qr.ScanResult;
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

    /** Outcome of reassembling frames. */
    public sealed interface Decoded {
        /** The bundle was complete, verified and written. */
        record Written(Path file, Inspection inspection) implements Decoded {}

        /** Not all frames were there. */
        record Incomplete(int percent, List<Integer> missingFrames) implements Decoded {}
    }

    /**
     * Feeds scanned lines (from a frames text file or a scanner log) and/or QR images to a
     * decoder, reporting every line's result to {@code progress}; when complete, checks the
     * bundle and writes it as a bundle file into {@code dir}.
     */
    public Decoded decode(List<String> lines, List<Path> images, Path dir, Consumer<String> progress)
            throws IOException, FormatException {
        QrDecoder decoder = new QrDecoder();
        Optional<byte[]> complete = Optional.empty();
        List<String> inputs = new ArrayList<>(lines);
        for (Path image : images) {
            inputs.add(QrImageDecoder.decode(image));
        }
        for (String line : inputs) {
            if (line.isBlank()) {
                continue;
            }
            ScanResult r = decoder.receivePart(line);
            if (r instanceof ScanResult.Complete c) {
                progress.accept("complete: all frames read");
                complete = Optional.of(c.bundle());
                break;
            } else if (r instanceof ScanResult.Progress p) {
                progress.accept(String.format(Locale.ROOT, "frame accepted: %d of %d (%d%%)", p.received(), p.total(),
                        p.percent()));
            } else if (r instanceof ScanResult.Rejected x) {
                progress.accept("frame refused: " + x.reason());
            }
        }
        if (complete.isEmpty()) {
            return new Decoded.Incomplete(decoder.estimatedPercentComplete(), decoder.missingFrames());
        }
        SignedBundle bundle = SignedBundle.parse(complete.get());
        Inspection inspection = bundles.inspect(bundle);
        if (!inspection.trusted()) {
            throw new FormatException("the frames hold a complete " + inspection.kind().word() + " bundle, but "
                    + inspection.problem().orElse("its signer is not trusted here") + "; nothing was written");
        }
        PublicKey key = bundles.knownSigner(bundle).orElseThrow();
        Path file = dir.resolve(BundleFile.fileName(bundle));
        AtomicFiles.write(file, BundleFile.write(bundle, key));
        return new Decoded.Written(file, inspection);
    }
}
