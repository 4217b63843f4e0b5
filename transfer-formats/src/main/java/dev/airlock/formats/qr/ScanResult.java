package dev.airlock.formats.qr;

import java.util.Arrays;
import java.util.Objects;

/** What {@link QrDecoder#receivePart(String)} made of one scanned string. */
public sealed interface ScanResult permits ScanResult.Progress, ScanResult.Complete, ScanResult.Rejected {

    /** The frame was accepted (or was a repeat); {@code received} of {@code total} frames of its bundle are in. */
    record Progress(int received, int total, int percent) implements ScanResult {
    }

    /** Every frame of the frame's bundle is in and the reassembled bundle passed its whole-bundle digest. */
    record Complete(byte[] bundle) implements ScanResult {
        public Complete {
            bundle = bundle.clone();
        }

        /** A copy of the reassembled bundle bytes. */
        @Override
        public byte[] bundle() {
            return bundle.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Complete c && Arrays.equals(bundle, c.bundle);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bundle);
        }

        @Override
        public String toString() {
            return "Complete[" + bundle.length + " bytes]";
        }
    }

    /** The scan was not used; the decoder's state is unchanged unless {@code cause} says otherwise. */
    record Rejected(Cause cause, String reason) implements ScanResult {
        public Rejected {
            Objects.requireNonNull(cause, "cause");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Why a scan was rejected, for a UI that wants to react differently (e.g. offer a reset). */
    enum Cause {
        /** Nothing but whitespace was scanned. */
        EMPTY,
        /** Characters other than digits (after AZERTY mapping): a different code or scanner mode. */
        NOT_DIGITS,
        /** Digits, but not the shape of a frame: e.g. an EAN-13 product code, or a cut-off scan. */
        NOT_A_FRAME,
        /** The per-frame checksum does not match: a misread digit, or not an Airlock frame. */
        CHECKSUM,
        /** A checksummed frame of a frame format this reader does not know. */
        UNSUPPORTED_FORMAT,
        /** A checksummed frame whose header or payload is impossible (e.g. index beyond total). */
        MALFORMED,
        /** A valid frame of one more bundle while {@link QrDecoder#MAX_BUNDLES} are being read already. */
        OTHER_BUNDLE,
        /** A valid frame that contradicts frames already read for this bundle (total, size, content). */
        INCONSISTENT,
        /** All frames of a bundle were in but the reassembled bytes failed the whole-bundle digest; that bundle restarted. */
        BUNDLE_DIGEST
    }
}
