package dev.airlock.formats.qr;

import java.util.zip.CRC32C;

/**
 * One frame: {@code F IIIIII NNNN TTTT payload CCCCCCCCCC}, all digits (see FRAMES.md).
 *
 * @param bundleId the bundle's 6-digit short id
 * @param index    1-based frame number
 * @param total    frames in the bundle
 * @param payload  this frame's slice of the framed stream (bundle + 8-byte digest)
 */
record Frame(String bundleId, int index, int total, byte[] payload) {
    static final char FORMAT = '1';
    static final int ID_DIGITS = 6;
    static final int NUMBER_DIGITS = 4;
    static final int HEADER_DIGITS = 1 + ID_DIGITS + 2 * NUMBER_DIGITS;
    static final int CHECK_DIGITS = 10;
    static final int OVERHEAD = HEADER_DIGITS + CHECK_DIGITS;
    static final int MAX_FRAMES = 9999;
    /** Shortest possible frame: header, one payload byte, checksum. */
    static final int MIN_LENGTH = OVERHEAD + DigitCodec.digitsFor(1);

    /** The frame's digits. */
    String text() {
        StringBuilder out = new StringBuilder(OVERHEAD + DigitCodec.encodedLength(payload.length));
        out.append(FORMAT).append(bundleId);
        pad(out, index);
        pad(out, total);
        DigitCodec.encode(payload, 0, payload.length, out);
        String check = Long.toString(checksum(out, out.length()));
        out.repeat('0', CHECK_DIGITS - check.length()).append(check);
        return out.toString();
    }

    /**
     * Parses frame digits (already cleaned to ASCII digits only).
     *
     * @throws FrameRejected with the cause and a message a person at the scanner can act on
     */
    static Frame parse(String digits) throws FrameRejected {
        int n = digits.length();
        if (n < MIN_LENGTH) {
            String what = switch (n) {
                case 8, 12, 13, 14 -> n + " digits look like a product barcode (EAN/UPC), not an Airlock frame";
                default -> n + " digits are too few for an Airlock frame (at least " + MIN_LENGTH
                        + "): a cut-off scan or a different code";
            };
            throw new FrameRejected(ScanResult.Cause.NOT_A_FRAME, what + "; scan the QR code on the Airlock screen");
        }
        long expected = checksum(digits, n - CHECK_DIGITS);
        if (Long.parseLong(digits.substring(n - CHECK_DIGITS)) != expected) {
            throw new FrameRejected(ScanResult.Cause.CHECKSUM,
                    "frame checksum does not match: a digit was misread, the scan was cut off, or this is not an "
                            + "Airlock frame; scan it again");
        }
        if (digits.charAt(0) != FORMAT) {
            throw new FrameRejected(ScanResult.Cause.UNSUPPORTED_FORMAT, "frame format " + digits.charAt(0)
                    + " is not known to this Airlock (it reads format " + FORMAT + "); update the reading side");
        }
        String id = digits.substring(1, 1 + ID_DIGITS);
        int index = Integer.parseInt(digits, 1 + ID_DIGITS, 1 + ID_DIGITS + NUMBER_DIGITS, 10);
        int total = Integer.parseInt(digits, 1 + ID_DIGITS + NUMBER_DIGITS, HEADER_DIGITS, 10);
        if (total < 1 || index < 1 || index > total) {
            throw new FrameRejected(ScanResult.Cause.MALFORMED,
                    "frame says it is number " + index + " of " + total + ", which cannot be; the frame was made wrongly");
        }
        byte[] payload;
        try {
            payload = DigitCodec.decode(digits, HEADER_DIGITS, n - CHECK_DIGITS);
        } catch (IllegalArgumentException e) {
            throw new FrameRejected(ScanResult.Cause.MALFORMED,
                    "frame " + index + " of bundle " + id + " has a malformed payload (" + e.getMessage() + ")");
        }
        if (payload.length == 0) {
            throw new FrameRejected(ScanResult.Cause.MALFORMED, "frame " + index + " of bundle " + id + " carries no data");
        }
        return new Frame(id, index, total, payload);
    }

    /** CRC-32C of the first {@code length} characters (ASCII digits). */
    static long checksum(CharSequence digits, int length) {
        byte[] ascii = new byte[length];
        for (int i = 0; i < length; i++) {
            ascii[i] = (byte) digits.charAt(i);
        }
        CRC32C crc = new CRC32C();
        crc.update(ascii);
        return crc.getValue();
    }

    private static void pad(StringBuilder out, int number) {
        String s = Integer.toString(number);
        out.repeat('0', NUMBER_DIGITS - s.length()).append(s);
    }
}
