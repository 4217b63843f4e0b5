package dev.airlock.appliance.gateway;

import dev.airlock.appliance.gateway.HttpTransport.Answer;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Locale;

/**
 * Reads one answer from a connection within a deadline, counting the bytes that arrived, and keeps
 * at most {@code maxBody} + 1 bytes of its body (fixed length, chunked, or until closed).
 */
final class HttpAnswerReader {
    private static final int MAX_HEADERS = HttpLines.MAX_HEADERS;
    private static final int MAX_INFORMATIONAL = 5;

    private final HttpConnection c;
    private final long deadline;
    private long count;
    private boolean keepAlive;

    HttpAnswerReader(HttpConnection c, long deadline) {
        this.c = c;
        this.deadline = deadline;
    }

    /** How many bytes of answer arrived so far. */
    long count() {
        return count;
    }

    /** Whether the connection may carry another request once this answer was read. */
    boolean keepAlive() {
        return keepAlive;
    }

    Answer answer(int maxBody) throws IOException {
        for (int informational = 0;; informational++) {
            String statusLine = line();
            int status = HttpLines.statusCode(statusLine);
            boolean http10 = statusLine.startsWith("HTTP/1.0");
            long length = -1;
            boolean chunked = false;
            boolean close = false;
            boolean keep = false;
            for (int i = 0;; i++) {
                String h = line();
                if (h.isEmpty()) {
                    break;
                }
                if (i >= MAX_HEADERS) {
                    throw new NotHttp("more than " + MAX_HEADERS + " header lines");
                }
                int colon = h.indexOf(':');
                if (colon <= 0) {
                    throw new NotHttp("a header line without a colon");
                }
                String name = h.substring(0, colon).strip().toLowerCase(Locale.ROOT);
                String value = h.substring(colon + 1).strip().toLowerCase(Locale.ROOT);
                switch (name) {
                    case "content-length" -> {
                        long l;
                        try {
                            l = Long.parseLong(value);
                        } catch (NumberFormatException e) {
                            throw new NotHttp("Content-Length " + value);
                        }
                        if (l < 0 || (length >= 0 && length != l)) {
                            throw new NotHttp("Content-Length " + value);
                        }
                        length = l;
                    }
                    case "transfer-encoding" -> chunked = value.endsWith("chunked");
                    case "connection" -> {
                        close |= value.contains("close");
                        keep |= value.contains("keep-alive");
                    }
                    default -> { }
                }
            }
            if (status >= 100 && status < 200) {
                if (informational >= MAX_INFORMATIONAL) {
                    throw new NotHttp("more than " + MAX_INFORMATIONAL + " interim answers");
                }
                continue;
            }
            byte[] body;
            boolean delimited = true;
            if (status == 204 || status == 304) {
                body = new byte[0];
            } else if (chunked) {
                body = chunked(maxBody);
            } else if (length >= 0) {
                body = fixed(length, maxBody);
            } else {
                body = untilClosed(maxBody);
                delimited = false;
            }
            keepAlive = delimited && !close && (!http10 || keep) && body.length <= maxBody;
            return new Answer(status, body);
        }
    }

    private byte[] fixed(long length, int maxBody) throws IOException {
        int keep = (int) Math.min(length, maxBody + 1L);
        byte[] b = new byte[keep];
        int off = 0;
        while (off < keep) {
            int n = read(b, off, keep - off);
            if (n < 0) {
                throw new EOFException("closed after " + off + " of " + length + " body bytes");
            }
            off += n;
        }
        if (length > keep) {
            keepAlive = false; // the rest is not read; the connection is not reused
        }
        return b;
    }

    private byte[] chunked(int maxBody) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = line();
            int semi = sizeLine.indexOf(';');
            String hex = (semi >= 0 ? sizeLine.substring(0, semi) : sizeLine).strip();
            long size;
            try {
                size = Long.parseLong(hex, 16);
            } catch (NumberFormatException e) {
                throw new NotHttp("a chunk size that is not hexadecimal");
            }
            if (size < 0) {
                throw new NotHttp("a negative chunk size");
            }
            if (size == 0) {
                while (!line().isEmpty()) {
                    // trailer lines are ignored
                }
                return body.toByteArray();
            }
            if (body.size() + size > maxBody) {
                byte[] b = fixed(maxBody + 1L - body.size(), maxBody + 1);
                body.write(b, 0, b.length);
                return body.toByteArray();
            }
            byte[] b = fixed(size, (int) size);
            body.write(b, 0, b.length);
            if (!line().isEmpty()) {
                throw new NotHttp("a chunk not followed by a line end");
            }
        }
    }

    private byte[] untilClosed(int maxBody) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] b = new byte[8192];
        while (body.size() <= maxBody) {
            int n = read(b, 0, b.length);
            if (n < 0) {
                break;
            }
            body.write(b, 0, n);
        }
        return body.toByteArray();
    }

    private int read(byte[] b, int off, int len) throws IOException {
        timeout();
        int n = c.in.read(b, off, len);
        if (n > 0) {
            count += n;
        }
        return n;
    }

    private String line() throws IOException {
        String line = HttpLines.line(this::nextByte);
        if (line == null) {
            throw new EOFException("closed" + (count == 0 ? " before the first byte" : " mid-line"));
        }
        return line;
    }

    private int nextByte() throws IOException {
        timeout();
        int b = c.in.read();
        if (b >= 0) {
            count++;
        }
        return b;
    }

    private void timeout() throws IOException {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new SocketTimeoutException("deadline");
        }
        c.socket.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, Duration.ofNanos(left).toMillis())));
    }
}
