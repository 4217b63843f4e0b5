package dev.airlock.formats.qr;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits a bundle into digit-only QR frames sized to fill the chosen symbol; {@link #nextPart()}
 * cycles through them for an animated display (like hummingbird's {@code UREncoder}).
 */
public final class QrEncoder {
    private final QrOptions options;
    private final String bundleId;
    private final List<String> frames;
    private long sequence;

    /** Frames for {@code bundle} (opaque bytes, at least one) at version 20, level M. */
    public QrEncoder(byte[] bundle) {
        this(bundle, QrOptions.defaults());
    }

    /**
     * Frames for {@code bundle} (opaque bytes, at least one) at the given version and level.
     *
     * @throws IllegalArgumentException if the bundle is empty or needs more than 9999 frames
     */
    public QrEncoder(byte[] bundle, QrOptions options) {
        if (bundle.length == 0) {
            throw new IllegalArgumentException("nothing to encode: the bundle is empty");
        }
        this.options = options;
        int count = frameCountFor(bundle.length, options);
        if (count > Frame.MAX_FRAMES) {
            throw new IllegalArgumentException("a bundle of " + bundle.length + " bytes needs " + count
                    + " QR frames at " + options + ", more than " + Frame.MAX_FRAMES
                    + "; use a higher version or the USB file");
        }
        this.bundleId = BundleDigest.shortId(bundle, bundle.length);
        // Step 1: the framed stream is the bundle followed by the first 8 bytes of its SHA-256.
        byte[] stream = Arrays.copyOf(bundle, bundle.length + BundleDigest.TRAILER_BYTES);
        System.arraycopy(BundleDigest.trailer(bundle, bundle.length), 0, stream, bundle.length, BundleDigest.TRAILER_BYTES);
        // Step 2: every frame but the last carries exactly bytesPerFrame bytes; the last the rest.
        int perFrame = bytesPerFrame(options);
        List<String> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int from = i * perFrame;
            byte[] slice = Arrays.copyOfRange(stream, from, Math.min(stream.length, from + perFrame));
            out.add(new Frame(bundleId, i + 1, count, slice).text());
        }
        this.frames = List.copyOf(out);
    }

    /** Bundle bytes one full frame carries at these options (651 at version 20, level M). */
    public static int bytesPerFrame(QrOptions options) {
        return DigitCodec.maxBytes(options.numericCapacity() - Frame.OVERHEAD);
    }

    /** Frames a bundle of {@code bundleLength} bytes takes at these options. */
    public static int frameCountFor(int bundleLength, QrOptions options) {
        int perFrame = bytesPerFrame(options);
        return (bundleLength + BundleDigest.TRAILER_BYTES + perFrame - 1) / perFrame;
    }

    /** All frames, in order: frame 1 first. */
    public List<String> frames() {
        return frames;
    }

    public int frameCount() {
        return frames.size();
    }

    /** The next frame to show; cycles 1, 2, ..., n, 1, 2, ... */
    public String nextPart() {
        return frames.get((int) (sequence++ % frames.size()));
    }

    /** The bundle's 6-digit short id, as the decoder reports it. */
    public String bundleId() {
        return bundleId;
    }

    public QrOptions options() {
        return options;
    }
}
