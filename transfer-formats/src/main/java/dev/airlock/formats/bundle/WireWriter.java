package dev.airlock.formats.bundle;

import dev.airlock.formats.ids.PartialProductKey;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

/** Appends the primitive fields of FORMAT.md: bytes, LEB128 varints, packed digits, UTF-8, nibble text. */
final class WireWriter {
    private final ByteArrayOutputStream out;

    WireWriter(int expectedSize) {
        out = new ByteArrayOutputStream(expectedSize);
    }

    void u8(int b) {
        out.write(b);
    }

    void bytes(byte[] b) {
        out.writeBytes(b);
    }

    /** Unsigned LEB128, shortest form. */
    void varint(long v) {
        if (v < 0) {
            throw new IllegalArgumentException("negative varint " + v);
        }
        while ((v & ~0x7FL) != 0) {
            out.write((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
    }

    void int32(int v) {
        out.write(v >>> 24);
        out.write(v >>> 16);
        out.write(v >>> 8);
        out.write(v);
    }

    /** A decimal digit string as a big-endian unsigned integer of exactly {@code width} bytes. */
    void digits(String digits, int width) {
        byte[] mag = new BigInteger(digits).toByteArray();
        int start = mag.length > width ? mag.length - width : 0; // drop BigInteger's sign byte
        for (int i = 0; i < width - (mag.length - start); i++) {
            out.write(0);
        }
        out.write(mag, start, mag.length - start);
    }

    /** Varint byte length then UTF-8. */
    void utf8(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        varint(b.length);
        out.writeBytes(b);
    }

    /** Seconds since 1970-01-01T00:00:00Z as a varint. */
    void instant(Instant t) {
        varint(t.getEpochSecond());
    }

    /** An index as a varint with a low bit saying whether the 5 ASCII characters of a partial key follow. */
    void flaggedPartialKey(int index, Optional<PartialProductKey> key) {
        varint(index * 2L + (key.isPresent() ? 1 : 0));
        key.ifPresent(k -> bytes(k.toString().getBytes(StandardCharsets.US_ASCII)));
    }

    /** Varint character count, then 4 bits per character (0-9 digits, 0xA '-', 0xB '.'), padded with 0xF. */
    void nibbleText(String s) {
        varint(s.length());
        for (int i = 0; i < s.length(); i += 2) {
            int hi = nibble(s.charAt(i));
            int lo = i + 1 < s.length() ? nibble(s.charAt(i + 1)) : 0xF;
            out.write(hi << 4 | lo);
        }
    }

    private static int nibble(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c == '-') {
            return 0xA;
        }
        if (c == '.') {
            return 0xB;
        }
        throw new IllegalArgumentException("not a digit, dash or dot: " + c);
    }

    byte[] toByteArray() {
        return out.toByteArray();
    }
}
