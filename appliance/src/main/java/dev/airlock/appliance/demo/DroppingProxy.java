package dev.airlock.appliance.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy on 127.0.0.1 in front of a service that drops each connection between requests,
 * as some proxies and NAT boxes in connected zones do: it relays bytes both ways unchanged, and
 * once an answer has passed and the connection has been quiet for {@code quiet}, it closes both
 * sides without a word (no {@code Connection: close}: the client believes the connection is
 * still kept alive).
 */
public final class DroppingProxy implements AutoCloseable {
    private final InetSocketAddress target;
    private final Duration quiet;
    private final AtomicInteger dropped = new AtomicInteger();
    private final LoopbackListener listener;

    private DroppingProxy(InetSocketAddress target, Duration quiet, int port) throws IOException {
        this.target = target;
        this.quiet = quiet;
        listener = new LoopbackListener(port, "dropping-proxy", this::relay);
    }

    /** A proxy on a free loopback port in front of {@code service}'s host and port. */
    public static DroppingProxy inFrontOf(URI service, Duration quiet) throws IOException {
        return inFrontOf(service, quiet, 0);
    }

    /** The same on loopback {@code port} (0: a free port). */
    public static DroppingProxy inFrontOf(URI service, Duration quiet, int port) throws IOException {
        return new DroppingProxy(new InetSocketAddress(service.getHost(), service.getPort()), quiet, port);
    }

    /** {@code service} with the proxy's port instead of its own. */
    public URI endpoint(URI service) {
        return URI.create(service.getScheme() + "://127.0.0.1:" + listener.port() + service.getRawPath());
    }

    /** Connections it dropped after an answer. */
    public int dropped() {
        return dropped.get();
    }

    @Override
    public void close() {
        listener.close();
    }

    private void relay(Socket client) {
        try (Socket upstream = new Socket()) {
            listener.track(upstream);
            upstream.connect(target, 5_000);
            client.setTcpNoDelay(true);
            upstream.setTcpNoDelay(true);
            AtomicBoolean pending = new AtomicBoolean();
            listener.execute(() -> pump(client, upstream, pending));
            // upstream → client: after an answer, a quiet connection is dropped
            InputStream in = upstream.getInputStream();
            OutputStream out = client.getOutputStream();
            byte[] b = new byte[8192];
            boolean answered = false;
            while (!listener.closed()) {
                upstream.setSoTimeout(answered && !pending.get() ? (int) Math.max(1, quiet.toMillis()) : 0);
                int n;
                try {
                    n = in.read(b);
                } catch (SocketTimeoutException e) {
                    if (pending.get()) {
                        continue; // a request is on its way: a proxy does not drop it
                    }
                    dropped.incrementAndGet();
                    return; // between requests: drop both sides
                }
                pending.set(false);
                if (n < 0) {
                    return;
                }
                out.write(b, 0, n);
                out.flush();
                answered = true;
            }
        } catch (IOException e) {
            // either side went away
        }
    }

    /** client → upstream, unchanged, until either side closes. */
    private static void pump(Socket from, Socket to, AtomicBoolean pending) {
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            byte[] b = new byte[8192];
            for (int n = in.read(b); n >= 0; n = in.read(b)) {
                pending.set(true);
                out.write(b, 0, n);
                out.flush();
            }
            to.shutdownOutput();
        } catch (IOException e) {
            // either side went away; the other pump closes both
        }
    }
}
