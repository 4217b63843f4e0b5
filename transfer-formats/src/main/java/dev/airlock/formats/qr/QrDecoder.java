package dev.airlock.formats.qr;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reassembles bundles from scanned frames in any order, with repeats, stray codes and frames of
 * other bundles mixed in (like hummingbird's {@code URDecoder}, but with one assembly per bundle
 * id): a frame of another bundle starts or fills that bundle's own set instead of being refused,
 * so a stray frame scanned first never blocks a complete genuine set, and every set given is
 * completed. The queries without a bundle id ({@link #bundleId()}, {@link #result()},
 * {@link #missingFrames()}, {@link #estimatedPercentComplete()}) are about the <em>current</em>
 * bundle: the one the last valid frame belonged to. Not thread-safe: feed it from one thread.
 */
public final class QrDecoder {
    /** At most this many bundles are read at once; a frame of one more is refused (a mixed-up pile). */
    public static final int MAX_BUNDLES = 16;
    /** AZERTY top row, unshifted: what a French layout types for a scanner's 1234567890. */
    private static final String AZERTY_TOP_ROW = "&\u00e9\"'(-\u00e8_\u00e7\u00e0";
    private static final String DIGITS_ROW = "1234567890";

    /** The sets in the order their first frame came. */
    private final Map<String, FrameSet> sets = new LinkedHashMap<>();
    private String current;

    /** What is in for one bundle: its id, frames in of its total, the frame numbers still missing. */
    public record Assembly(String bundleId, int received, int total, List<Integer> missingFrames) {
        public Assembly {
            missingFrames = List.copyOf(missingFrames);
        }

        /** Every frame is in and the bundle passed its digest. */
        public boolean complete() {
            return received == total && missingFrames.isEmpty();
        }

        /** Whole percent of frames in. */
        public int percent() {
            return received * 100 / total;
        }

        /**
         * In words: "2 of 5 frames of bundle 318402 (missing 3, 4, 5)"; at most 10 missing numbers
         * are named, then how many more.
         */
        public String inWords() {
            StringBuilder b = new StringBuilder().append(received).append(" of ").append(total)
                    .append(total == 1 ? " frame" : " frames").append(" of bundle ").append(bundleId);
            if (!missingFrames.isEmpty()) {
                b.append(" (missing ");
                int shown = Math.min(10, missingFrames.size());
                for (int i = 0; i < shown; i++) {
                    b.append(i == 0 ? "" : ", ").append(missingFrames.get(i));
                }
                if (missingFrames.size() > shown) {
                    b.append(" and ").append(missingFrames.size() - shown).append(" more");
                }
                b.append(')');
            }
            return b.toString();
        }
    }

    public QrDecoder() {
    }

    /** Forgets everything read so far, of every bundle. */
    public void reset() {
        sets.clear();
        current = null;
    }

    /**
     * Forgets the frames of one bundle only; the others stay. When it was the current bundle, the
     * bundle read before it (if any) becomes current.
     *
     * @return whether frames of that bundle were held
     */
    public boolean drop(String bundleId) {
        boolean held = sets.remove(bundleId) != null;
        if (bundleId.equals(current)) {
            current = sets.isEmpty() ? null : List.copyOf(sets.keySet()).getLast();
        }
        return held;
    }

    /**
     * Takes one scanned string: surrounding CR, LF, Tab and spaces are ignored and AZERTY top-row
     * characters read as digits.
     *
     * @return progress of the frame's bundle, that bundle complete (also for repeats after
     *     completion), or why the scan was not used
     */
    public ScanResult receivePart(String scanned) {
        Frame frame;
        try {
            frame = Frame.parse(clean(scanned));
        } catch (FrameRejected e) {
            return e.toResult();
        }
        // Step 1: the frame's bundle id picks its set; a new id starts one (up to MAX_BUNDLES).
        FrameSet set = sets.get(frame.bundleId());
        if (set == null) {
            if (sets.size() >= MAX_BUNDLES) {
                return new ScanResult.Rejected(ScanResult.Cause.OTHER_BUNDLE, "frame of bundle " + frame.bundleId()
                        + ", but frames of " + sets.size() + " bundles are being read already (" + ids()
                        + "): scan one display only, or drop bundles you do not need");
            }
            set = new FrameSet(frame.bundleId(), frame.total());
            sets.put(frame.bundleId(), set);
        }
        // Step 2: the set keeps it, refuses a contradiction, or reassembles when it was the last.
        ScanResult r = set.receive(frame);
        if (r instanceof ScanResult.Rejected x && x.cause() == ScanResult.Cause.BUNDLE_DIGEST) {
            drop(set.bundleId);
            return r;
        }
        if (!(r instanceof ScanResult.Rejected)) {
            current = set.bundleId;
        }
        return r;
    }

    /** Whole percent of frames in of the current bundle: 0 before the first frame, 100 once complete. */
    public int estimatedPercentComplete() {
        return currentSet().map(FrameSet::percent).orElse(0);
    }

    /** The current bundle, reassembled and digest-checked, once every frame of it is in. */
    public Optional<byte[]> result() {
        return currentSet().map(FrameSet::bundle).map(byte[]::clone);
    }

    /** Short id of the current bundle (the one the last valid frame belonged to), once a frame is in. */
    public Optional<String> bundleId() {
        return Optional.ofNullable(current);
    }

    /** Frame numbers (1-based) of the current bundle still missing; empty before the first frame and once complete. */
    public List<Integer> missingFrames() {
        return currentSet().map(FrameSet::missing).orElse(List.of());
    }

    /** Every bundle of which frames are in, in the order its first frame came. */
    public List<Assembly> assemblies() {
        List<Assembly> all = new ArrayList<>();
        for (FrameSet s : sets.values()) {
            all.add(new Assembly(s.bundleId, s.complete() ? s.total : s.received(), s.total, s.missing()));
        }
        return all;
    }

    /** The reassembled bytes of one complete bundle. */
    public Optional<byte[]> result(String bundleId) {
        return Optional.ofNullable(sets.get(bundleId)).map(FrameSet::bundle).map(byte[]::clone);
    }

    private Optional<FrameSet> currentSet() {
        return Optional.ofNullable(current).map(sets::get);
    }

    private String ids() {
        return String.join(", ", sets.keySet());
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
