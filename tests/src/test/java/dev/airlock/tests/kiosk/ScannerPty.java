package dev.airlock.tests.kiosk;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A serial QR scanner stand-in: socat joins two pseudo-terminals; the kiosk opens one as its
 * scanner port, the journey writes scanned codes into the other, one line (CR LF) per code.
 */
final class ScannerPty implements AutoCloseable {
    private static final Pattern PTY = Pattern.compile("PTY is (/dev/pts/\\d+)");
    private final Process socat;
    /** The device the kiosk reads (scanner.port). */
    final String kioskPort;
    private final String feedPort;
    private OutputStream feed;

    private ScannerPty(Process socat, String kioskPort, String feedPort) {
        this.socat = socat;
        this.kioskPort = kioskPort;
        this.feedPort = feedPort;
    }

    static ScannerPty start() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("socat", "-d", "-d", "pty,raw,echo=0", "pty,raw,echo=0").start();
        BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8));
        List<String> ptys = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (ptys.size() < 2 && System.nanoTime() < deadline) {
            String line = err.readLine();
            if (line == null) {
                break;
            }
            Matcher m = PTY.matcher(line);
            if (m.find()) {
                ptys.add(m.group(1));
            }
        }
        if (ptys.size() < 2) {
            p.destroyForcibly();
            throw new IllegalStateException("socat did not report two ptys (install socat)");
        }
        // keep draining socat's log so it never blocks
        Thread drain = new Thread(() -> {
            try {
                while (err.readLine() != null) {
                    // discard
                }
            } catch (IOException ignored) {
                // socat ended
            }
        }, "socat-log");
        drain.setDaemon(true);
        drain.start();
        return new ScannerPty(p, ptys.get(0), ptys.get(1));
    }

    /** "Scans" one code: writes it and CR LF into the pty, as a serial scanner sends it. */
    void scan(String code) throws IOException {
        if (feed == null) {
            feed = Files.newOutputStream(Path.of(feedPort));
        }
        feed.write((code + "\r\n").getBytes(StandardCharsets.US_ASCII));
        feed.flush();
    }

    @Override
    public void close() throws IOException {
        if (feed != null) {
            feed.close();
        }
        socat.destroy();
    }
}
