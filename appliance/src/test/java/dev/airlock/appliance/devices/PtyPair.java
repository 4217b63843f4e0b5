package dev.airlock.appliance.devices;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A scanner stand-in: {@code socat} joins two pseudo-terminals, {@code DIR/scanner} (what the
 * appliance opens) and {@code DIR/feed} (where the test writes what the scanner "reads").
 * Closing it kills socat, which hangs up both sides as pulling the scanner's cable would.
 */
final class PtyPair implements AutoCloseable {
    final Path scanner;
    final Path feed;
    private final Process socat;

    private PtyPair(Path scanner, Path feed, Process socat) {
        this.scanner = scanner;
        this.feed = feed;
        this.socat = socat;
    }

    static PtyPair start(Path dir) throws IOException, InterruptedException {
        Path scanner = dir.resolve("scanner");
        Path feed = dir.resolve("feed");
        Process p = new ProcessBuilder("socat", "-d", "-d", "pty,raw,echo=0,link=" + scanner,
                "pty,raw,echo=0,link=" + feed).redirectErrorStream(true)
                .redirectOutput(dir.resolve("socat.log").toFile()).start();
        if (!Tools.await(Duration.ofSeconds(10), () -> Files.exists(scanner) && Files.exists(feed)
                && readLog(dir).contains("starting data transfer loop"))) {
            p.destroyForcibly();
            throw new IllegalStateException("socat did not make its ptys: " + readLog(dir));
        }
        return new PtyPair(scanner, feed, p);
    }

    private static String readLog(Path dir) {
        try {
            return Files.readString(dir.resolve("socat.log"));
        } catch (IOException e) {
            return "";
        }
    }

    /** Writes {@code text} into the scanner's line, as one write. */
    void type(String text) throws IOException {
        try (OutputStream out = Files.newOutputStream(feed.toRealPath())) {
            out.write(text.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }
    }

    long pid() {
        return socat.pid();
    }

    @Override
    public void close() {
        socat.destroy();
        try {
            if (!socat.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                socat.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            socat.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
