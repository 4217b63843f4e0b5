package dev.airlock.formats.qr;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/** Seeded bundles and golden-file reading shared by the QR tests and benches. */
final class QrSamples {
    private QrSamples() {
    }

    /** {@code length} bytes from {@code new java.util.Random(seed)} (its algorithm is fixed by the Java spec). */
    static byte[] seeded(long seed, int length) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    /** Non-comment, non-blank lines of a resource next to this class. */
    static List<String> resourceLines(String name) {
        try (InputStream in = QrSamples.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("test resource missing: dev/airlock/formats/qr/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Maps digits to what a French AZERTY layout types for them. */
    static String azerty(String digits) {
        StringBuilder out = new StringBuilder(digits.length());
        for (char c : digits.toCharArray()) {
            out.append("\u00e0&\u00e9\"'(-\u00e8_\u00e7".charAt(c - '0'));
        }
        return out.toString();
    }
}
