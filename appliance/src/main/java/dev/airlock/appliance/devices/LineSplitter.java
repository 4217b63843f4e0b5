package dev.airlock.appliance.devices;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Splits the scanner's byte stream into codes: a code ends at CR, LF or CRLF (scanners add one
 * of these as suffix), empty lines are ignored, and a line longer than {@code maxLength} bytes is
 * dropped whole (reported through {@code onTooLong}) and reading goes on with the next line.
 * Codes are decoded as UTF-8.
 */
final class LineSplitter {
    private final int maxLength;
    private final Consumer<String> onCode;
    private final Consumer<Integer> onTooLong;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private int dropped; // > 0 while skipping the rest of a too-long line

    LineSplitter(int maxLength, Consumer<String> onCode, Consumer<Integer> onTooLong) {
        if (maxLength < 1) {
            throw new IllegalArgumentException("maxLength must be positive, not " + maxLength);
        }
        this.maxLength = maxLength;
        this.onCode = onCode;
        this.onTooLong = onTooLong;
    }

    void accept(byte[] buf, int len) {
        for (int i = 0; i < len; i++) {
            byte b = buf[i];
            if (b == '\r' || b == '\n') {
                endLine();
            } else if (dropped > 0) {
                dropped++;
            } else if (line.size() >= maxLength) {
                dropped = line.size() + 1;
                line.reset();
            } else {
                line.write(b);
            }
        }
    }

    /** Forgets a partial line (the port closed in the middle of a code). */
    void reset() {
        line.reset();
        dropped = 0;
    }

    private void endLine() {
        if (dropped > 0) {
            int n = dropped;
            dropped = 0;
            onTooLong.accept(n);
        } else if (line.size() > 0) {
            String code = line.toString(StandardCharsets.UTF_8);
            line.reset();
            onCode.accept(code);
        }
    }
}
