package dev.airlock.appliance.gateway;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
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
 */
final class HttpTransport implements AutoCloseable {
    private static final int MAX_LINE = 8 * 1024;
    private static final int MAX_HEADERS = 100;
    private static final int MAX_INFORMATIONAL = 5;
    private static final java.util.regex.Pattern CLASS_NAME = java.util.regex.Pattern.compile(
            "\\b[a-z]+(\\.[a-z0-9_]+)+\\.[A-Z]\\w*");

    private final URI endpoint;
    private final String host;
    private final int port;
    private final boolean https;
    private final BatchActivationConfig config;
    private final SSLSocketFactory tls;
    private final String where;
    private Connection idle;

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
        this.endpoint = config.endpoint();
        this.https = "https".equalsIgnoreCase(endpoint.getScheme());
        String h = endpoint.getHost();
        this.host = h != null && h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
        this.port = endpoint.getPort() > 0 ? endpoint.getPort() : https ? 443 : 80;
        this.tls = tls;
        this.where = "BatchActivation at " + endpoint.getHost() + (endpoint.getPort() > 0 ? ":" + endpoint.getPort()
                : "");
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
        byte[] request = request(body, headers);
        for (int attempt = 0;; attempt++) {
            Connection c = null;
            boolean reused = false;
            if (repeatable && idle != null && attempt == 0) {
                c = idle;
                idle = null;
                reused = true;
                if (!c.open()) {
                    // closed by the service (or a proxy) while it lay idle: nothing was sent on it
                    c.close();
                    c = null;
                    reused = false;
                }
            }
            if (c == null) {
                c = connect();
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
            Reader r = new Reader(c, System.nanoTime() + config.readTimeout().toNanos());
            try {
                Answer a = r.answer(maxBody);
                if (repeatable && r.keepAlive) {
                    park(c);
                } else {
                    c.close();
                }
                return a;
            } catch (IOException e) {
                c.close();
                if (r.count == 0 && reused && repeatable && !(e instanceof SocketTimeoutException)) {
                    continue; // a stale kept-alive connection; the request spends nothing: once more, new
                }
                throw lost(e, r.count);
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

    private void park(Connection c) {
        if (idle != null) {
            idle.close();
        }
        idle = c;
    }

    @Override
    public void close() {
        if (idle != null) {
            idle.close();
            idle = null;
        }
    }

    // --- the request ------------------------------------------------------------------------------

    private byte[] request(byte[] body, String[] headers) {
        boolean viaHttpProxy = config.proxy().isPresent() && !https;
        String path = endpoint.getRawPath() == null || endpoint.getRawPath().isEmpty() ? "/" : endpoint.getRawPath();
        if (endpoint.getRawQuery() != null) {
            path += "?" + endpoint.getRawQuery();
        }
        String target = viaHttpProxy ? endpoint.getScheme() + "://" + endpoint.getRawAuthority() + path : path;
        StringBuilder h = new StringBuilder();
        h.append("POST ").append(target).append(" HTTP/1.1\r\n");
        h.append("Host: ").append(endpoint.getRawAuthority()).append("\r\n");
        for (String line : headers) {
            h.append(line).append("\r\n");
        }
        h.append("Content-Length: ").append(body.length).append("\r\n");
        if (viaHttpProxy) {
            proxyAuthorization().ifPresent(a -> h.append(a).append("\r\n"));
        }
        h.append("\r\n");
        byte[] head = h.toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[head.length + body.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return all;
    }

    private java.util.Optional<String> proxyAuthorization() {
        return config.proxyUser().map(u -> "Proxy-Authorization: Basic " + Base64.getEncoder().encodeToString(
                (u + ":" + config.proxyPassword().orElse("")).getBytes(StandardCharsets.UTF_8)));
    }

    // --- a new connection: TCP, the proxy's tunnel, TLS; nothing of the request is sent yet -------

    private Connection connect() throws NeverSent {
        String toHost = config.proxy().map(InetSocketAddress::getHostString).orElse(host);
        int toPort = config.proxy().map(InetSocketAddress::getPort).orElse(port);
        String whom = config.proxy().isPresent() ? "the proxy " + toHost + ":" + toPort : where;
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(toHost, toPort), (int) Math.max(1, config.connectTimeout().toMillis()));
        } catch (UnknownHostException e) {
            closeQuietly(socket);
            throw new NeverSent("cannot find the address of " + toHost + " (check gateway.endpoint, gateway.proxy and"
                    + " the DNS settings)");
        } catch (SocketTimeoutException e) {
            closeQuietly(socket);
            throw new NeverSent("no connection to " + whom + " within " + config.connectTimeout().toSeconds() + " s");
        } catch (ConnectException e) {
            closeQuietly(socket);
            throw new NeverSent("cannot connect to " + whom + " (connection refused)");
        } catch (NoRouteToHostException e) {
            closeQuietly(socket);
            throw new NeverSent("cannot connect to " + whom + " (no route to the host)");
        } catch (IOException e) {
            closeQuietly(socket);
            throw new NeverSent("cannot connect to " + whom + " (" + plain(e) + ")");
        }
        try {
            socket.setSoTimeout((int) Math.max(1, config.connectTimeout().toMillis()));
            if (config.proxy().isPresent() && https) {
                tunnel(socket, whom);
            }
            if (!https) {
                return new Connection(socket);
            }
            SSLSocket ssl = (SSLSocket) tls.createSocket(socket, host, port, true);
            SSLParameters p = ssl.getSSLParameters();
            p.setEndpointIdentificationAlgorithm("HTTPS");
            ssl.setSSLParameters(p);
            ssl.setSoTimeout((int) Math.max(1, config.connectTimeout().toMillis()));
            try {
                ssl.startHandshake();
            } catch (SocketTimeoutException e) {
                closeQuietly(ssl);
                throw new NeverSent("TLS with " + where + " did not finish within " + config.connectTimeout().toSeconds()
                        + " s");
            } catch (SSLException e) {
                closeQuietly(ssl);
                throw new NeverSent("TLS with " + where + " failed (" + tlsReason(e) + "); check gateway.ca-bundle");
            } catch (IOException e) {
                closeQuietly(ssl);
                throw new NeverSent("the connection to " + where + " broke during the TLS handshake (" + plain(e)
                        + ")");
            }
            return new Connection(ssl);
        } catch (NeverSent e) {
            closeQuietly(socket);
            throw e;
        } catch (IOException e) {
            closeQuietly(socket);
            throw new NeverSent("the connection to " + whom + " broke before the request was sent (" + plain(e) + ")");
        }
    }

    /** CONNECT host:port through the proxy; on anything but 2xx the request was never sent. */
    private void tunnel(Socket socket, String whom) throws IOException, NeverSent {
        StringBuilder h = new StringBuilder();
        String authority = (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
        h.append("CONNECT ").append(authority).append(" HTTP/1.1\r\nHost: ").append(authority).append("\r\n");
        proxyAuthorization().ifPresent(a -> h.append(a).append("\r\n"));
        h.append("\r\n");
        OutputStream out = socket.getOutputStream();
        out.write(h.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        // read the proxy's answer byte by byte: nothing beyond its blank line may be consumed
        InputStream in = socket.getInputStream();
        String status;
        try {
            status = line(in);
            for (int i = 0; !line(in).isEmpty(); i++) {
                if (i > MAX_HEADERS) {
                    throw new NotHttp("more than " + MAX_HEADERS + " header lines");
                }
            }
        } catch (SocketTimeoutException e) {
            throw new NeverSent(whom + " did not open a tunnel to " + host + " within "
                    + config.connectTimeout().toSeconds() + " s");
        } catch (NotHttp e) {
            throw new NeverSent(whom + " answered the tunnel request with something that is not HTTP");
        }
        int code = statusCode(status);
        if (code == 407) {
            throw new NeverSent("HTTP 407 from the proxy: check gateway.proxy-user and "
                    + BatchActivationConfig.PROXY_PASSWORD_ENV, true);
        }
        if (code < 200 || code > 299) {
            throw new NeverSent(whom + " refused a tunnel to " + host + ":" + port + " (HTTP " + code + ")");
        }
    }

    // --- the answer --------------------------------------------------------------------------------

    /** Reads one answer from a connection, counting the bytes that arrived. */
    private final class Reader {
        final Connection c;
        final long deadline;
        long count;
        boolean keepAlive;

        Reader(Connection c, long deadline) {
            this.c = c;
            this.deadline = deadline;
        }

        Answer answer(int maxBody) throws IOException {
            for (int informational = 0;; informational++) {
                String statusLine = line();
                int status = statusCode(statusLine);
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
            String line = HttpTransport.line(this::nextByte);
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

    /** The answer broke HTTP's rules. */
    private static final class NotHttp extends IOException {
        private static final long serialVersionUID = 1L;

        NotHttp(String message) {
            super(message);
        }
    }

    private static int statusCode(String statusLine) throws NotHttp {
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
    private static String line(InputStream in) throws IOException {
        String line = line(in::read);
        if (line == null) {
            throw new NotHttp("closed before the end of its answer");
        }
        return line;
    }

    /** Where a header line's bytes come from, one at a time (-1 at the end). */
    @FunctionalInterface
    private interface ByteSource {
        int next() throws IOException;
    }

    /** One line up to LF (a CR before it dropped), at most MAX_LINE bytes; null if the bytes end first. */
    private static String line(ByteSource bytes) throws IOException {
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

    // --- one connection ------------------------------------------------------------------------------

    /** A connected socket with its buffered streams. */
    private static final class Connection {
        final Socket socket;
        final InputStream in;
        final OutputStream out;

        Connection(Socket socket) throws IOException {
            this.socket = socket;
            this.in = new BufferedInputStream(socket.getInputStream());
            this.out = socket.getOutputStream();
        }

        /**
         * Whether the other side still holds the connection open, checked right before sending: a
         * 1 ms read that must time out. End of stream, a reset, or a stray byte all mean it must not
         * carry a request.
         */
        boolean open() {
            try {
                if (socket.isClosed() || socket.isInputShutdown() || in.available() > 0) {
                    return false;
                }
                socket.setSoTimeout(1);
                in.read();
                return false;
            } catch (SocketTimeoutException e) {
                return true;
            } catch (IOException e) {
                return false;
            }
        }

        void close() {
            closeQuietly(socket);
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // closing: nothing left to do
        }
    }

    /** Plain words for a socket failure: never a Java class name. */
    static String plain(IOException e) {
        String m = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
        if (e instanceof EOFException || m.contains("end of stream") || m.startsWith("closed")) {
            return "closed by the other side";
        }
        if (m.contains("reset")) {
            return "reset by the other side";
        }
        if (m.contains("broken pipe")) {
            return "closed by the other side while sending";
        }
        if (m.contains("refused")) {
            return "connection refused";
        }
        if (m.contains("timed out")) {
            return "timed out";
        }
        if (e instanceof SSLException) {
            return "TLS error: " + tlsReason((SSLException) e);
        }
        boolean javaWords = m.contains("exception") || CLASS_NAME.matcher(e.getMessage() == null ? "" : e.getMessage())
                .find();
        return m.isBlank() || javaWords ? "network error" : m;
    }

    private static String tlsReason(SSLException e) {
        String m = e.getMessage() == null ? "" : e.getMessage();
        if (m.contains("PKIX") || m.contains("certification path")) {
            return "the service's certificate is not signed by a trusted CA";
        }
        if (m.contains("subject alternative") || m.contains("No name matching")) {
            return "the service's certificate is for another host name";
        }
        if (m.contains("expired") || m.contains("NotAfter")) {
            return "the service's certificate has expired";
        }
        if (m.contains("protocol_version") || m.contains("No appropriate protocol")) {
            return "no TLS version in common";
        }
        if (m.contains("handshake_failure") || m.contains("no cipher suites")) {
            return "no TLS cipher suite in common";
        }
        if (m.contains("Unsupported or unrecognized SSL message") || m.contains("plaintext")) {
            return "the other side does not speak TLS";
        }
        return "handshake refused";
    }
}
