package dev.airlock.appliance.gateway;

import static dev.airlock.appliance.gateway.NetworkWords.plain;

import java.io.IOException;
import java.net.SocketTimeoutException;
import javax.net.ssl.SSLSocketFactory;

/**
 * HTTP/1.1 POSTs to one endpoint over plain or TLS sockets (directly or through an HTTP proxy),
 * owned here so that every failure says how far the request got. {@link NeverSent}: the request
 * provably never reached the service whole (no connection, proxy or TLS refused, the connection
 * found closed before sending, or broken while the request was still being written: an HTTP
 * request with a Content-Length is nothing until its last byte arrives). {@link MaybeProcessed}:
 * the request was written whole, so the service may have acted on it (no answer, an answer broken
 * off, a time-out, not HTTP). Zero answer bytes after a complete write prove nothing (a service
 * may process a request and drop the connection before answering), so a request that spends an
 * activation ({@code repeatable = false}) always gets a new connection of its own and is never
 * written on a kept-alive one that might be closing; only a repeatable request (one that spends
 * nothing) reuses a kept-alive connection, checked open first, and is asked once more on a new
 * connection when the reused one turns out closed without a byte of answer.
 *
 * <p>Its parts: {@link HttpRequests} writes the bytes, {@link HttpConnector} opens connections,
 * {@link HttpAnswerReader} reads an answer within its size limits; this class keeps the one idle
 * connection and decides what a failure proves. Thread-safe: several calls may be in flight at once,
 * each on its own connection; only the idle connection is shared, handed to one call at a time.
 */
final class HttpTransport implements AutoCloseable {
    private final BatchActivationConfig config;
    private final String where;
    private final HttpRequests requests;
    private final HttpConnector connector;
    private final Object idleLock = new Object();
    private HttpConnection idle;

    /** The request never reached the service whole: nothing can have been processed. */
    static final class NeverSent extends Exception {
        private static final long serialVersionUID = 1L;
        private final boolean proxyAuth;

        NeverSent(String message) {
            this(message, false);
        }

        NeverSent(String message, boolean proxyAuth) {
            super(message);
            this.proxyAuth = proxyAuth;
        }

        /** The proxy asked for (other) credentials: asking again without new ones does not help. */
        boolean proxyAuth() {
            return proxyAuth;
        }
    }

    /** The request was written whole: the service may have processed it, but no full answer came back. */
    static final class MaybeProcessed extends Exception {
        private static final long serialVersionUID = 1L;

        MaybeProcessed(String message) {
            super(message);
        }
    }

    /** A complete HTTP answer: status and body (at most {@code maxBody} + 1 bytes kept). */
    record Answer(int status, byte[] body) {}

    HttpTransport(BatchActivationConfig config, SSLSocketFactory tls) {
        this.config = config;
        HttpTarget target = HttpTarget.of(config.endpoint());
        this.where = target.where();
        this.requests = new HttpRequests(config, target);
        this.connector = new HttpConnector(config, tls, target, requests);
    }

    /** How the service is named in messages. */
    String where() {
        return where;
    }

    /**
     * POSTs {@code body} with the given header lines ("Name: value") and reads the whole answer.
     * {@code repeatable}: asking twice is harmless (a kept-alive connection may be used).
     */
    Answer post(byte[] body, String[] headers, boolean repeatable, int maxBody) throws NeverSent, MaybeProcessed {
        byte[] request = requests.post(body, headers);
        for (int attempt = 0;; attempt++) {
            HttpConnection c = null;
            boolean reused = false;
            if (repeatable && attempt == 0) {
                c = takeIdle();
            }
            if (c != null) {
                reused = true;
                if (!c.open()) {
                    // closed by the service (or a proxy) while it lay idle: nothing was sent on it
                    c.close();
                    c = null;
                    reused = false;
                }
            }
            if (c == null) {
                c = connector.connect();
                if (!c.open()) {
                    c.close();
                    throw new NeverSent(where + " closed the connection before the request was sent");
                }
            }
            try {
                c.out.write(request);
                c.out.flush();
            } catch (IOException e) {
                c.close();
                if (reused) {
                    continue; // a kept-alive connection found dead at the moment of sending: once more, new
                }
                throw new NeverSent("the connection to " + where + " broke before the request was sent whole ("
                        + plain(e) + ")");
            }
            HttpAnswerReader r = new HttpAnswerReader(c, System.nanoTime() + config.readTimeout().toNanos());
            try {
                Answer a = r.answer(maxBody);
                if (repeatable && r.keepAlive()) {
                    park(c);
                } else {
                    c.close();
                }
                return a;
            } catch (IOException e) {
                c.close();
                if (r.count() == 0 && reused && repeatable && !(e instanceof SocketTimeoutException)) {
                    continue; // a stale kept-alive connection; the request spends nothing: once more, new
                }
                throw lost(e, r.count());
            }
        }
    }

    private MaybeProcessed lost(IOException e, long received) {
        long s = config.readTimeout().toSeconds();
        if (e instanceof SocketTimeoutException) {
            return new MaybeProcessed(received == 0 ? "no answer from " + where + " within " + s + " s"
                    : "the answer from " + where + " stopped arriving within " + s + " s");
        }
        if (e instanceof NotHttp n) {
            return new MaybeProcessed(where + " answered something that is not HTTP (" + n.getMessage() + ")");
        }
        if (received == 0) {
            return new MaybeProcessed(where + " closed the connection without answering, after the request was sent"
                    + " (" + plain(e) + ")");
        }
        return new MaybeProcessed("the connection to " + where + " broke in the middle of the answer (after "
                + received + " byte" + (received == 1 ? "" : "s") + ": " + plain(e) + ")");
    }

    private HttpConnection takeIdle() {
        synchronized (idleLock) {
            HttpConnection c = idle;
            idle = null;
            return c;
        }
    }

    private void park(HttpConnection c) {
        HttpConnection old;
        synchronized (idleLock) {
            old = idle;
            idle = c;
        }
        if (old != null) {
            old.close();
        }
    }

    @Override
    public void close() {
        HttpConnection c = takeIdle();
        if (c != null) {
            c.close();
        }
    }
}
