package dev.airlock.appliance.gateway;

import java.io.IOException;
import java.io.InputStream;

/** HTTP's line-level rules for answers: status lines, header lines, and the size limits on both. */
final class HttpLines {
    static final int MAX_LINE = 8 * 1024;
    static final int MAX_HEADERS = 100;

    private HttpLines() {
    }

    static int statusCode(String statusLine) throws NotHttp {
        if (!statusLine.startsWith("HTTP/1.") || statusLine.length() < 12 || statusLine.charAt(8) != ' ') {
            throw new NotHttp("the first line is not an HTTP status line");
        }
        try {
            int code = Integer.parseInt(statusLine.substring(9, 12));
            if (code < 100 || code > 599) {
                throw new NotHttp("status " + code);
            }
            return code;
        } catch (NumberFormatException e) {
            throw new NotHttp("the status is not a number");
        }
    }

    /** A line of the proxy's CONNECT answer, read byte by byte. */
    static String line(InputStream in) throws IOException {
        String line = line(in::read);
        if (line == null) {
            throw new NotHttp("closed before the end of its answer");
        }
        return line;
    }

    /** Where a header line's bytes come from, one at a time (-1 at the end). */
    @FunctionalInterface
    interface ByteSource {
        int next() throws IOException;
    }

    /** One line up to LF (a CR before it dropped), at most MAX_LINE bytes; null if the bytes end first. */
    static String line(ByteSource bytes) throws IOException {
        StringBuilder s = new StringBuilder();
        while (true) {
            int b = bytes.next();
            if (b < 0) {
                return null;
            }
            if (b == '\n') {
                int len = s.length();
                return len > 0 && s.charAt(len - 1) == '\r' ? s.substring(0, len - 1) : s.toString();
            }
            if (s.length() >= MAX_LINE) {
                throw new NotHttp("a line longer than " + MAX_LINE + " bytes");
            }
            s.append((char) b);
        }
    }
}
