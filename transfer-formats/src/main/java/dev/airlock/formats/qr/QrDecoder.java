package dev.airlock.formats.qr;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Reassembles a bundle from scanned frames in any order, with repeats, stray codes and frames of
 * other bundles mixed in (like hummingbird's {@code URDecoder}). Not thread-safe: feed it from
 * one thread.
 */
public final class QrDecoder {
    /** AZERTY top row, unshifted: what a French layout types for a scanner's 1234567890. */
    private static final String AZERTY_TOP_ROW = "&\u00e9\"'(-\u00e8_\u00e7\u00e0";
    private static final String DIGITS_ROW = "1234567890";

    private String bundleId;
    private int total;
    /** Payload length of every frame but the last, once one such frame is in; else -1. */
    private int fullFrameBytes = -1;
    private byte[][] parts;
    private int received;
    private byte[] bundle;

    public QrDecoder() {
        reset();
    }

    /** Forgets everything read so far; the next valid frame starts a new bundle. */
    public void reset() {
        bundleId = null;
        total = 0;
        fullFrameBytes = -1;
        parts = null;
        received = 0;
        bundle = null;
    }

    /**
     * Takes one scanned string: surrounding CR, LF, Tab and spaces are ignored and AZERTY top-row
     * characters read as digits.
     *
     * @return progress, the complete bundle (also for repeats after completion), or why the scan was not used
     */
    public ScanResult receivePart(String scanned) {
        Frame frame;
        try {
            frame = Frame.parse(clean(scanned));
        } catch (FrameRejected e) {
            return e.toResult();
        }
        // Step 1: the first valid frame decides which bundle is being read.
        if (bundleId == null) {
            bundleId = frame.bundleId();
            total = frame.total();
            parts = new byte[total][];
        }
        // Step 2: frames of another bundle, or that contradict what is in, are refused.
        if (!frame.bundleId().equals(bundleId)) {
            String progress = bundle != null ? "complete" : received + " of " + total + " frames in";
            String finish = bundle != null ? "" : "finish bundle " + bundleId + " or ";
            return new ScanResult.Rejected(ScanResult.Cause.OTHER_BUNDLE, "frame of another bundle (id "
                    + frame.bundleId() + ") while reading bundle " + bundleId + " (" + progress + "); " + finish
                    + "reset to read bundle " + frame.bundleId());
        }
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
        // Step 3: keep the frame; when the last one arrives, reassemble and check the digest.
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

    /** Whole percent of frames in: 0 before the first frame, 100 once complete. */
    public int estimatedPercentComplete() {
        if (bundle != null) {
            return 100;
        }
        return total == 0 ? 0 : received * 100 / total;
    }

    /** The reassembled, digest-checked bundle once every frame is in. */
    public Optional<byte[]> result() {
        return Optional.ofNullable(bundle).map(byte[]::clone);
    }

    /** Short id of the bundle being read, once a frame is in. */
    public Optional<String> bundleId() {
        return Optional.ofNullable(bundleId);
    }

    /** Frame numbers (1-based) still missing; empty before the first frame and once complete. */
    public List<Integer> missingFrames() {
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; parts != null && i < total; i++) {
            if (parts[i] == null) {
                missing.add(i + 1);
            }
        }
        return missing;
    }

    private ScanResult state() {
        if (bundle != null) {
            return new ScanResult.Complete(bundle);
        }
        return new ScanResult.Progress(received, total, estimatedPercentComplete());
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
        String id = bundleId;
        reset();
        return new ScanResult.Rejected(ScanResult.Cause.BUNDLE_DIGEST, "all frames of bundle " + id
                + " are in but together they fail the bundle digest (frames of two displays mixed?); "
                + "reading restarted, scan the frames again");
    }

    private ScanResult inconsistent(String message) {
        return new ScanResult.Rejected(ScanResult.Cause.INCONSISTENT, message);
    }

    /** Strips scanner suffixes and maps AZERTY top-row characters; rejects anything else that is not a digit. */
    static String clean(String scanned) throws FrameRejected {
        if (scanned == null) {
            throw new FrameRejected(ScanResult.Cause.EMPTY, "nothing was scanned");
        }
        int from = 0;
        int to = scanned.length();
        while (from < to && isSuffix(scanned.charAt(from))) {
            from++;
        }
        while (to > from && isSuffix(scanned.charAt(to - 1))) {
            to--;
        }
        if (from == to) {
            throw new FrameRejected(ScanResult.Cause.EMPTY, "nothing was scanned (empty line)");
        }
        char[] out = new char[to - from];
        for (int i = from; i < to; i++) {
            char c = scanned.charAt(i);
            int azerty = AZERTY_TOP_ROW.indexOf(c);
            if (azerty >= 0) {
                c = DIGITS_ROW.charAt(azerty);
            } else if (c < '0' || c > '9') {
                String what = Character.isLetter(c) ? "a letter" : "the character U+" + String.format("%04X", (int) c);
                throw new FrameRejected(ScanResult.Cause.NOT_DIGITS, "the scan contains " + what + " at position "
                        + (i - from + 1) + "; Airlock frames are digits only: this is another kind of code, or "
                        + "the scanner is set to a keyboard layout Airlock does not map");
            }
            out[i - from] = c;
        }
        return new String(out);
    }

    private static boolean isSuffix(char c) {
        return c == '\r' || c == '\n' || c == '\t' || c == ' ';
    }
}
