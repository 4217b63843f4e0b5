package dev.airlock.appliance.demo;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

/**
 * A TCP listener on 127.0.0.1 for the demo's stand-ins: each accepted connection goes to the
 * handler on a daemon thread; closing it stops accepting and closes every connection still open.
 */
final class LoopbackListener implements AutoCloseable {
    private final ServerSocket server;
    private final ExecutorService threads;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /** Listens on loopback {@code port} (0: a free port), naming its threads {@code threadName}. */
    LoopbackListener(int port, String threadName, Consumer<Socket> handler) throws IOException {
        threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
        server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), port), 50);
        threads.execute(() -> acceptLoop(handler));
    }

    int port() {
        return server.getLocalPort();
    }

    boolean closed() {
        return closed;
    }

    /** Runs {@code task} on one of the listener's threads (for a connection's second direction). */
    void execute(Runnable task) {
        threads.execute(task);
    }

    /** Closes {@code s} too when the listener closes (an outgoing connection a handler opened). */
    void track(Socket s) {
        open.add(s);
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException e) {
            // stopping anyway
        }
        for (Socket s : open) {
            closeQuietly(s);
        }
        threads.shutdownNow();
    }

    private void acceptLoop(Consumer<Socket> handler) {
        while (!closed) {
            Socket s;
            try {
                s = server.accept();
            } catch (IOException e) {
                return; // closed
            }
            open.add(s);
            try {
                threads.execute(() -> {
                    try {
                        handler.accept(s);
                    } finally {
                        open.remove(s);
                        closeQuietly(s);
                    }
                });
            } catch (RejectedExecutionException e) {
                open.remove(s);
                closeQuietly(s);
            }
        }
    }

    static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
