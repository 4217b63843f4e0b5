package dev.airlock.formats.qr;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * Bytes ↔ decimal digits, in blocks of 12 bytes → 29 digits (96 bits in 96.3 bits of digits).
 *
 * <p>Each block is its bytes read as an unsigned big-endian number, written in decimal, left
 * padded with zeros to a width that depends only on the block's byte count. A final block of
 * k &lt; 12 bytes takes {@link #digitsFor(int) digitsFor(k)} digits; those widths are distinct for
 * every k (each extra byte adds more than two digits), so a digit count decodes to exactly one
 * byte count. Values that do not fit their byte count are rejected, so every byte string has
 * exactly one digit form.
 */
final class DigitCodec {
    static final int BLOCK_BYTES = 12;
    static final int BLOCK_DIGITS = 29;

    /** WIDTH[k]: digits for a block of k bytes = smallest d with 10^d ≥ 2^(8k). */
    private static final int[] WIDTH = new int[BLOCK_BYTES + 1];
    /** BYTES_FOR_WIDTH[d]: the byte count k whose width is d, or -1 if no block has d digits. */
    private static final int[] BYTES_FOR_WIDTH = new int[BLOCK_DIGITS + 1];
    private static final BigInteger[] LIMIT = new BigInteger[BLOCK_BYTES + 1];

    static {
        Arrays.fill(BYTES_FOR_WIDTH, -1);
        for (int k = 0; k <= BLOCK_BYTES; k++) {
            LIMIT[k] = BigInteger.ONE.shiftLeft(8 * k);
            int d = 0;
            while (BigInteger.TEN.pow(d).compareTo(LIMIT[k]) < 0) {
                d++;
            }
            WIDTH[k] = d;
            BYTES_FOR_WIDTH[d] = k;
        }
        if (WIDTH[BLOCK_BYTES] != BLOCK_DIGITS) {
            throw new AssertionError("block width table is wrong");
        }
    }

    private DigitCodec() {
    }

    /** Digits for a block of {@code k} bytes (0..12). */
    static int digitsFor(int k) {
        return WIDTH[k];
    }

    /** Digits that {@code length} bytes encode to. */
    static int encodedLength(int length) {
        return length / BLOCK_BYTES * BLOCK_DIGITS + WIDTH[length % BLOCK_BYTES];
    }

    /** Most bytes that fit in {@code digits} digits. */
    static int maxBytes(int digits) {
        if (digits < 0) {
            return 0;
        }
        int rest = digits % BLOCK_DIGITS;
        int k = BLOCK_BYTES - 1;
        while (WIDTH[k] > rest) {
            k--;
        }
        return digits / BLOCK_DIGITS * BLOCK_BYTES + k;
    }

    /** Appends the digit form of {@code bytes[from..to)}. */
    static void encode(byte[] bytes, int from, int to, StringBuilder out) {
        for (int at = from; at < to; at += BLOCK_BYTES) {
            int k = Math.min(BLOCK_BYTES, to - at);
            String digits = new BigInteger(1, Arrays.copyOfRange(bytes, at, at + k)).toString();
            out.repeat('0', WIDTH[k] - digits.length()).append(digits);
        }
    }

    /** Whether {@code digits} digits are the width of some byte string. */
    static boolean isValidLength(int digits) {
        return digits >= 0 && BYTES_FOR_WIDTH[digits % BLOCK_DIGITS] >= 0;
    }

    /**
     * The bytes whose digit form is {@code digits[from..to)}; the range must hold ASCII digits only.
     *
     * @throws IllegalArgumentException if the length is no block width or a block is too large
     */
    static byte[] decode(CharSequence digits, int from, int to) {
        int length = to - from;
        if (!isValidLength(length)) {
            throw new IllegalArgumentException(length + " payload digits are not a whole number of bytes");
        }
        int full = length / BLOCK_DIGITS;
        int last = BYTES_FOR_WIDTH[length % BLOCK_DIGITS];
        byte[] out = new byte[full * BLOCK_BYTES + last];
        int at = from;
        int written = 0;
        for (int block = 0; block <= full; block++) {
            int k = block < full ? BLOCK_BYTES : last;
            if (k == 0) {
                break;
            }
            BigInteger value = new BigInteger(digits.subSequence(at, at + WIDTH[k]).toString());
            if (value.compareTo(LIMIT[k]) >= 0) {
                throw new IllegalArgumentException("payload block " + (block + 1) + " is larger than " + k + " bytes can hold");
            }
            byte[] raw = value.toByteArray(); // big-endian, maybe with a sign byte or shorter
            int copy = Math.min(raw.length, k);
            System.arraycopy(raw, raw.length - copy, out, written + k - copy, copy);
            written += k;
            at += WIDTH[k];
        }
        return out;
    }
}
