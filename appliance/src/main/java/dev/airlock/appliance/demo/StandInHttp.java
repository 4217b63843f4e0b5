package dev.airlock.appliance.demo;

import dev.airlock.appliance.demo.StandInActivationService.Network;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The stand-in's HTTP/1.1 server on plain loopback sockets: reads requests one after another on a
 * connection, writes each {@link Reply}, and treats connections as the chosen {@link Network} does.
 */
final class StandInHttp implements AutoCloseable {
    private static final int MAX_HEAD = 64 * 1024;
    private static final int MAX_BODY = 1 << 20;

    private final LoopbackListener listener;
    private final Exchange exchange;
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger closedIdle = new AtomicInteger();
    private volatile Network network = Network.KEEP_ALIVE;
    private volatile Duration idleTimeout = Duration.ofMillis(20);
    private volatile Duration slowPiece = Duration.ofMillis(5);

    /** What to do with one whole request. */
    @FunctionalInterface
    interface Exchange {
        Reply reply(String method, String target, Map<String, String> headers, byte[] body);
    }

    /** What the server writes for a request, and so what becomes of the connection. */
    sealed interface Reply {
        /** An answer; {@code slowIfAsked}: sent late and in pieces under {@link Network#SLOW_ANSWER}. */
        record Send(int status, byte[] body, boolean slowIfAsked) implements Reply {}

        /** The status line, headers and half of {@code whole}, then the connection closes. */
        record BreakOff(byte[] whole) implements Reply {}

        /** The connection closes without a byte of answer. */
        record Close() implements Reply {}

        /** No answer at all: the connection is held until the client gives up (at most a minute). */
        record Hold() implements Reply {}
    }

    /** Listens on 127.0.0.1:{@code port} (0: a free port), handing each whole request to {@code exchange}. */
    StandInHttp(int port, Exchange exchange) throws IOException {
        this.exchange = exchange;
        this.listener = new LoopbackListener(port, "stand-in", this::serve);
    }

    int port() {
        return listener.port();
    }

    void network(Network network) {
        this.network = network;
    }

    void idleTimeout(Duration idle) {
        this.idleTimeout = idle;
    }

    void slowPiece(Duration piece) {
        this.slowPiece = piece;
    }

    int connections() {
        return connections.get();
    }

    int closedIdle() {
        return closedIdle.get();
    }

    @Override
    public void close() {
        listener.close();
    }

    /** One connection: requests one after another until either side closes it. */
    private void serve(Socket s) {
        connections.incrementAndGet();
        try {
            s.setTcpNoDelay(true);
            InputStream in = new BufferedInputStream(s.getInputStream());
            OutputStream out = s.getOutputStream();
            for (int served = 0; !listener.closed(); served++) {
                // the idle time-out is for a kept-alive connection between requests; a new one gets 10 s
                // for its first request, as servers give a header time-out longer than their idle one
                s.setSoTimeout(served == 0 ? 10_000 : network == Network.CLOSE_WHILE_IDLE
                        ? (int) Math.max(1, idleTimeout.toMillis()) : 0);
                String requestLine;
                try {
                    requestLine = line(in, true);
                } catch (SocketTimeoutException e) {
                    closedIdle.incrementAndGet();
                    return; // idle too long: close, as servers and proxies with an idle time-out do
                }
                if (requestLine == null) {
                    return; // the client closed
                }
                s.setSoTimeout(10_000);
                Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                int size = requestLine.length();
                for (String h = line(in, false); !h.isEmpty(); h = line(in, false)) {
                    size += h.length();
                    int colon = h.indexOf(':');
                    if (colon <= 0 || size > MAX_HEAD) {
                        return;
                    }
                    headers.put(h.substring(0, colon).strip(), h.substring(colon + 1).strip());
                }
                int length;
                try {
                    length = Integer.parseInt(headers.getOrDefault("Content-Length", "-1"));
                } catch (NumberFormatException e) {
                    length = -1;
                }
                if (length < 0 || length > MAX_BODY) {
                    send(out, 411, StandInSoap.fault("a Content-Length is required"), false);
                    return;
                }
                byte[] body = in.readNBytes(length);
                if (body.length < length) {
                    return; // the request never arrived whole: nothing to process
                }
                String[] parts = requestLine.split(" ", 3);
                if (parts.length != 3) {
                    return;
                }
                switch (exchange.reply(parts[0], parts[1], headers, body)) {
                    case Reply.Send a -> send(out, a.status(), a.body(), a.slowIfAsked() && network == Network.SLOW_ANSWER);
                    case Reply.BreakOff b -> {
                        byte[] whole = b.whole();
                        out.write(head(200, whole.length));
                        out.write(whole, 0, whole.length / 2);
                        out.flush();
                        return;
                    }
                    case Reply.Close c -> {
                        return;
                    }
                    case Reply.Hold h -> {
                        // no answer at all: hold the connection until the client gives up (at most a minute)
                        s.setSoTimeout(60_000);
                        in.transferTo(OutputStream.nullOutputStream());
                        return;
                    }
                }
                if (network == Network.CLOSE_AFTER_ANSWER) {
                    return; // without "Connection: close": the client learns it when it tries again
                }
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    private void send(OutputStream out, int status, byte[] body, boolean slowly) throws IOException {
        byte[] head = head(status, body.length);
        if (!slowly) {
            byte[] all = new byte[head.length + body.length];
            System.arraycopy(head, 0, all, 0, head.length);
            System.arraycopy(body, 0, all, head.length, body.length);
            out.write(all);
            out.flush();
            return;
        }
        long pause = slowPiece.toMillis();
        sleepQuietly(pause);
        out.write(head);
        out.flush();
        int piece = (body.length + 3) / 4;
        for (int off = 0; off < body.length; off += piece) {
            sleepQuietly(pause);
            out.write(body, off, Math.min(piece, body.length - off));
            out.flush();
        }
    }

    private static byte[] head(int status, int length) {
        String reason = switch (status) {
            case 200 -> "OK";
            case 411 -> "Length Required";
            default -> "Internal Server Error";
        };
        return ("HTTP/1.1 " + status + " " + reason + "\r\nContent-Type: text/xml; charset=utf-8\r\nContent-Length: "
                + length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    /** A line without its CRLF; null at a clean end of stream before a request (when {@code first}). */
    private static String line(InputStream in, boolean first) throws IOException {
        StringBuilder b = new StringBuilder();
        while (true) {
            int c = in.read();
            if (c < 0) {
                if (first && b.isEmpty()) {
                    return null;
                }
                throw new IOException("closed mid-line");
            }
            if (c == '\n') {
                int n = b.length();
                return n > 0 && b.charAt(n - 1) == '\r' ? b.substring(0, n - 1) : b.toString();
            }
            if (b.length() > 8192) {
                throw new IOException("line too long");
            }
            b.append((char) c);
        }
    }

    private static void sleepQuietly(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
