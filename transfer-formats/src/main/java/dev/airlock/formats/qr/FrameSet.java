package dev.airlock.formats.qr;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The frames of one bundle read so far, kept by {@link QrDecoder} per bundle id. Not thread-safe. */
final class FrameSet {
    final String bundleId;
    final int total;
    /** Payload length of every frame but the last, once one such frame is in; else -1. */
    private int fullFrameBytes = -1;
    private final byte[][] parts;
    private int received;
    private byte[] bundle;

    FrameSet(String bundleId, int total) {
        this.bundleId = bundleId;
        this.total = total;
        this.parts = new byte[total][];
    }

    int received() {
        return received;
    }

    boolean complete() {
        return bundle != null;
    }

    /** The reassembled bundle once complete, else null (not a copy). */
    byte[] bundle() {
        return bundle;
    }

    /** Whole percent of frames in, 100 once complete. */
    int percent() {
        return bundle != null ? 100 : received * 100 / total;
    }

    List<Integer> missing() {
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; bundle == null && i < total; i++) {
            if (parts[i] == null) {
                missing.add(i + 1);
            }
        }
        return missing;
    }

    /**
     * Takes one frame of this bundle.
     *
     * @return progress, completion, or why the frame contradicts what is in; {@code BUNDLE_DIGEST}
     *     means the caller should forget this set
     */
    ScanResult receive(Frame frame) {
        if (frame.total() != total) {
            return inconsistent("frame " + frame.index() + " says bundle " + bundleId + " has " + frame.total()
                    + " frames, but earlier frames said " + total);
        }
        String sizeProblem = sizeProblem(frame);
        if (sizeProblem != null) {
            return inconsistent(sizeProblem);
        }
        byte[] known = parts[frame.index() - 1];
        if (known != null) {
            if (!Arrays.equals(known, frame.payload())) {
                return inconsistent("frame " + frame.index() + " of bundle " + bundleId
                        + " differs from the copy read before");
            }
            return state();
        }
        // keep the frame; when the last one arrives, reassemble and check the digest
        if (frame.index() < total) {
            fullFrameBytes = frame.payload().length;
        }
        parts[frame.index() - 1] = frame.payload();
        received++;
        if (received == total) {
            return assemble();
        }
        return state();
    }

    private ScanResult state() {
        if (bundle != null) {
            return new ScanResult.Complete(bundle);
        }
        return new ScanResult.Progress(received, total, percent());
    }

    /** Every frame but the last has the same length, and the last is no longer (else another density). */
    private String sizeProblem(Frame frame) {
        int length = frame.payload().length;
        byte[] lastPart = parts[total - 1];
        boolean fits;
        if (frame.index() == total) {
            fits = fullFrameBytes < 0 || length <= fullFrameBytes;
        } else if (fullFrameBytes >= 0) {
            fits = length == fullFrameBytes;
        } else {
            fits = lastPart == null || lastPart.length <= length;
        }
        return fits ? null : "frame " + frame.index() + " of bundle " + bundleId
                + " was made at a different QR density than the frames read before; scan one display only";
    }

    private ScanResult assemble() {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] stream = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, stream, at, part.length);
            at += part.length;
        }
        int bundleLength = length - BundleDigest.TRAILER_BYTES;
        if (bundleLength > 0
                && Arrays.equals(stream, bundleLength, length, BundleDigest.trailer(stream, bundleLength), 0,
                        BundleDigest.TRAILER_BYTES)
                && BundleDigest.shortId(stream, bundleLength).equals(bundleId)) {
            bundle = Arrays.copyOf(stream, bundleLength);
            return new ScanResult.Complete(bundle);
        }
        return new ScanResult.Rejected(ScanResult.Cause.BUNDLE_DIGEST, "all frames of bundle " + bundleId
                + " are in but together they fail the bundle digest (frames of two displays mixed?); "
                + "reading restarted, scan the frames of bundle " + bundleId + " again");
    }

    private static ScanResult inconsistent(String message) {
        return new ScanResult.Rejected(ScanResult.Cause.INCONSISTENT, message);
    }
}
