package dev.airlock.formats.bundle;

import dev.airlock.formats.ids.InvalidIdException;
import dev.airlock.formats.ids.PartialProductKey;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** Strict reader for the primitives of FORMAT.md; every failure names the field and offset. */
final class WireReader {
    private final byte[] data;
    private int pos;
    private final String what;

    WireReader(byte[] data, String what) {
        this.data = data;
        this.what = what;
    }

    int position() {
        return pos;
    }

    int remaining() {
        return data.length - pos;
    }

    private MalformedBundleException error(String message) {
        return new MalformedBundleException(what + ": " + message);
    }

    MalformedBundleException errorAt(String field, String message) {
        return error(field + " (at byte " + pos + ") " + message);
    }

    private void need(int n, String field) throws MalformedBundleException {
        if (n > data.length - pos) {
            throw error("ends inside " + field + " (at byte " + pos + ", " + n + " bytes needed, "
                    + (data.length - pos) + " left): the bundle is truncated");
        }
    }

    int u8(String field) throws MalformedBundleException {
        need(1, field);
        return data[pos++] & 0xFF;
    }

    byte[] bytes(int n, String field) throws MalformedBundleException {
        need(n, field);
        byte[] out = java.util.Arrays.copyOfRange(data, pos, pos + n);
        pos += n;
        return out;
    }

    int int32(String field) throws MalformedBundleException {
        need(4, field);
        int v = (data[pos] & 0xFF) << 24 | (data[pos + 1] & 0xFF) << 16 | (data[pos + 2] & 0xFF) << 8
                | (data[pos + 3] & 0xFF);
        pos += 4;
        return v;
    }

    /** Unsigned LEB128 up to {@code max}; refuses padded (non-shortest) forms. */
    long varint(String field, long max) throws MalformedBundleException {
        int start = pos;
        long v = 0;
        for (int shift = 0; ; shift += 7) {
            if (shift > 56) {
                throw error(field + " (at byte " + start + ") is a varint longer than 9 bytes");
            }
            int b = u8(field);
            v |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                if (b == 0 && shift > 0) {
                    throw error(field + " (at byte " + start
                            + ") is a non-canonical varint (ends in a zero byte); each number has one encoding");
                }
                break;
            }
        }
        if (v < 0 || v > max) {
            throw error(field + " (at byte " + start + ") is " + Long.toUnsignedString(v) + ", at most " + max
                    + " allowed");
        }
        return v;
    }

    int count(String field, int max, int minBytesEach) throws MalformedBundleException {
        int start = pos;
        int n = (int) varint(field, max);
        if ((long) n * minBytesEach > remaining()) {
            throw error(field + " (at byte " + start + ") says " + n + " but only " + remaining()
                    + " bytes follow: the bundle is truncated or the count is false");
        }
        return n;
    }

    /** Exactly {@code width} bytes holding a number below 10^digits, as that many decimal digits. */
    String digits(int width, int digits, String field) throws MalformedBundleException {
        int start = pos;
        BigInteger v = new BigInteger(1, bytes(width, field));
        String s = v.toString();
        if (s.length() > digits) {
            throw error(field + " (at byte " + start + ") holds a number of " + s.length() + " digits, at most "
                    + digits + " fit");
        }
        return "0".repeat(digits - s.length()) + s;
    }

    String utf8(String field, int maxBytes) throws MalformedBundleException {
        int len = (int) varint(field + " length", maxBytes);
        int start = pos;
        byte[] b = bytes(len, field);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException e) {
            throw error(field + " (at byte " + start + ") is not valid UTF-8");
        }
    }

    Instant instant(String field) throws MalformedBundleException {
        return Instant.ofEpochSecond(varint(field, CreatedTime.MAX_EPOCH_SECOND));
    }

    /** Five ASCII characters, upper case: a MAK's partial product key. */
    PartialProductKey partialKey(String field) throws MalformedBundleException {
        String text = new String(bytes(5, field), StandardCharsets.US_ASCII);
        try {
            PartialProductKey k = PartialProductKey.parse(text);
            if (!k.toString().equals(text)) {
                throw errorAt(field, "is not in upper case");
            }
            return k;
        } catch (InvalidIdException e) {
            throw errorAt(field, "is not a partial product key: " + e.getMessage());
        }
    }

    String nibbleText(String field, int maxChars) throws MalformedBundleException {
        int n = (int) varint(field + " length", maxChars);
        int start = pos;
        byte[] packed = bytes((n + 1) / 2, field);
        StringBuilder s = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            int b = packed[i / 2] & 0xFF;
            int nib = i % 2 == 0 ? b >>> 4 : b & 0xF;
            if (nib <= 9) {
                s.append((char) ('0' + nib));
            } else if (nib == 0xA) {
                s.append('-');
            } else if (nib == 0xB) {
                s.append('.');
            } else {
                throw error(field + " (at byte " + (start + i / 2) + ") has the invalid character code " + nib);
            }
        }
        if (n % 2 == 1 && (packed[n / 2] & 0xF) != 0xF) {
            throw error(field + " (at byte " + (start + n / 2) + ") is not padded with 0xF");
        }
        return s.toString();
    }

    void end() throws MalformedBundleException {
        if (pos != data.length) {
            throw error((data.length - pos) + " trailing byte(s) after the end (at byte " + pos
                    + "); the bundle was altered or is not of this version");
        }
    }
}
