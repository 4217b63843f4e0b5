package dev.airlock.appliance.devices;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortInvalidPortException;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A handheld QR scanner in USB serial (CDC) mode: opens the port 8N1, reads lines (CR, LF or
 * CRLF suffix) and publishes each as {@link CodeScanned}. Unplugged or failing, it publishes
 * {@link ScannerStatus.Disconnected} and tries again every second; on (re)open it publishes
 * {@link ScannerStatus.Connected}.
 *
 * <p>Listeners run on the scanner's daemon thread {@code airlock-scanner}, in the order the codes
 * arrived; keep them short (Vaadin: hand over with {@code UI.access}). A listener that throws is
 * logged and skipped. Status is published only when it changes.
 */
public final class SerialScanner implements AutoCloseable {
    /** Longest code kept, in bytes; a longer line is dropped with a warning. */
    public static final int MAX_CODE_BYTES = 8 * 1024;
    /** The port setting that searches {@code /dev/ttyACM*}, then {@code /dev/ttyUSB*}. */
    public static final String AUTO = "auto";
    static final Duration RETRY_EVERY = Duration.ofSeconds(1);
    /** Read timeout: how long close() may wait for the reader to notice. */
    static final int READ_TIMEOUT_MS = 100;
    private static final Logger LOG = LoggerFactory.getLogger(SerialScanner.class);
    private static final Pattern AUTO_NAME = Pattern.compile("tty(ACM|USB)(\\d+)");

    private final String portSetting;
    private final int baud;
    private final Clock clock;
    private final Path devDir;
    private final Listeners<CodeScanned> codes = new Listeners<>("scanned code");
    private final Listeners<ScannerStatus> statuses = new Listeners<>("scanner status");
    private final Listeners<String> warnings = new Listeners<>("scanner warning");
    private final CountDownLatch stop = new CountDownLatch(1);
    private final Object lifecycle = new Object();
    private volatile ScannerStatus status = new ScannerStatus.Disconnected("the scanner service is not started");
    private Thread thread;

    /**
     * @param portSetting {@value #AUTO}, or a device path such as {@code /dev/ttyACM0},
     *                    {@code /dev/serial/by-id/...} or a pty
     * @param baud        the scanner's speed, e.g. 115200 (USB CDC ignores it; USB-serial adapters do not)
     */
    public SerialScanner(String portSetting, int baud, Clock clock) {
        this(portSetting, baud, clock, Path.of("/dev"));
    }

    SerialScanner(String portSetting, int baud, Clock clock, Path devDir) {
        Objects.requireNonNull(portSetting, "portSetting");
        String p = portSetting.strip();
        if (!p.equalsIgnoreCase(AUTO) && !p.startsWith("/")) {
            throw new IllegalArgumentException("scanner port must be \"auto\" or a device path such as /dev/ttyACM0,"
                    + " not \"" + portSetting + "\"");
        }
        if (baud < 50 || baud > 4_000_000) {
            throw new IllegalArgumentException("scanner baud rate must be between 50 and 4000000 (usually 115200 or"
                    + " 9600), not " + baud);
        }
        this.portSetting = p.equalsIgnoreCase(AUTO) ? AUTO : p;
        this.baud = baud;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.devDir = devDir;
    }

    /** Starts the reader thread. Calling it again does nothing. */
    public void start() {
        synchronized (lifecycle) {
            if (stop.getCount() == 0) {
                throw new IllegalStateException("this SerialScanner is closed; create a new one");
            }
            if (thread == null) {
                thread = Thread.ofPlatform().daemon().name("airlock-scanner").start(this::run);
            }
        }
    }

    /** Subscribes to scanned codes (on the scanner's thread). */
    public Subscription onCode(Consumer<CodeScanned> listener) {
        return codes.add(listener);
    }

    /** Subscribes to status changes (on the scanner's thread). */
    public Subscription onStatus(Consumer<ScannerStatus> listener) {
        return statuses.add(listener);
    }

    /** Subscribes to warnings that do not change the status, e.g. a dropped over-long code. */
    public Subscription onWarning(Consumer<String> listener) {
        return warnings.add(listener);
    }

    /** The current status. */
    public ScannerStatus status() {
        return status;
    }

    /** Stops the reader (within about {@value #READ_TIMEOUT_MS} ms) and closes the port. */
    @Override
    public void close() {
        Thread t;
        synchronized (lifecycle) {
            stop.countDown();
            t = thread;
        }
        if (t != null) {
            try {
                t.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        setStatus(new ScannerStatus.Disconnected("the scanner service is stopped"));
    }

    private boolean running() {
        return stop.getCount() > 0;
    }

    private void run() {
        try {
            while (running()) {
                Optional<String> port = findPort();
                if (port.isEmpty()) {
                    setStatus(new ScannerStatus.Disconnected(portSetting.equals(AUTO)
                            ? "no scanner found: plug the scanner in and set it to USB serial (CDC) mode (looked for "
                                    + devDir + "/ttyACM* and " + devDir + "/ttyUSB*)"
                            : portSetting + " does not exist: plug the scanner in, or correct the scanner port setting"));
                } else {
                    readPort(port.get());
                }
                stop.await(RETRY_EVERY.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (LinkageError e) {
            // the native part did not load: retrying cannot help
            setStatus(new ScannerStatus.Disconnected("the serial library could not load its native part (" + e
                    + "). The appliance must call NativeLibs.prepare with a folder on a mount without noexec, or"
                    + " start with -D" + NativeLibs.PROPERTY + "=DIR"));
            LOG.error("serial scanner stopped: jSerialComm's native library did not load", e);
        }
    }

    /** The configured port if it exists; for auto, the first of ttyACM*, then ttyUSB*, by number. */
    Optional<String> findPort() {
        if (!portSetting.equals(AUTO)) {
            return Files.exists(Path.of(portSetting)) ? Optional.of(portSetting) : Optional.empty();
        }
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(devDir, "tty{ACM,USB}*")) {
            for (Path p : ds) {
                if (AUTO_NAME.matcher(p.getFileName().toString()).matches()) {
                    found.add(p);
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        found.sort(Comparator.comparing((Path p) -> group(p, 1)).thenComparingInt(p -> Integer.parseInt(group(p, 2))));
        return found.stream().findFirst().map(Path::toString);
    }

    private static String group(Path p, int g) {
        Matcher m = AUTO_NAME.matcher(p.getFileName().toString());
        return m.matches() ? m.group(g) : "";
    }

    /** Opens {@code port}, reads until it fails or the scanner is closed, then closes it. */
    private void readPort(String port) {
        SerialPort sp;
        try {
            // jSerialComm resolves a symbolic link (e.g. /dev/serial/by-id/..., a socat link) itself
            sp = SerialPort.getCommPort(port);
        } catch (SerialPortInvalidPortException e) {
            setStatus(new ScannerStatus.Disconnected(port + " is not a usable serial port: check the scanner port"
                    + " setting"));
            return;
        }
        sp.setComPortParameters(baud, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
        sp.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
        sp.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, READ_TIMEOUT_MS, 0);
        if (!sp.openPort()) {
            setStatus(new ScannerStatus.Disconnected(openFailure(port, sp.getLastErrorCode())));
            return;
        }
        try {
            setStatus(new ScannerStatus.Connected(port));
            LOG.info("scanner connected on {} at {} baud", port, baud);
            LineSplitter lines = new LineSplitter(MAX_CODE_BYTES,
                    code -> codes.publish(new CodeScanned(code, port, clock.instant())),
                    n -> tooLong(port, n));
            byte[] buf = new byte[4096];
            int quickEmpty = 0;
            while (running()) {
                long started = System.nanoTime();
                int n = sp.readBytes(buf, buf.length);
                if (n < 0) {
                    lost(port, "read error " + sp.getLastErrorCode());
                    return;
                }
                if (n > 0) {
                    quickEmpty = 0;
                    lines.accept(buf, n);
                } else if (System.nanoTime() - started < TimeUnit.MILLISECONDS.toNanos(READ_TIMEOUT_MS / 2)) {
                    // a hung-up line returns at once with nothing instead of waiting out the timeout
                    if (++quickEmpty >= 3 || !Files.exists(Path.of(port))) {
                        lost(port, "the line hung up");
                        return;
                    }
                } else if (!Files.exists(Path.of(port))) {
                    lost(port, "the device is gone");
                    return;
                }
            }
        } finally {
            sp.closePort();
        }
    }

    private void lost(String port, String why) {
        LOG.info("scanner on {} lost ({})", port, why);
        setStatus(new ScannerStatus.Disconnected("the scanner on " + port + " stopped answering (" + why
                + "): unplugged? Plug it back in; reconnecting every second"));
    }

    private void tooLong(String port, int bytes) {
        String msg = "a code of " + bytes + " bytes from " + port + " was dropped: longer than " + MAX_CODE_BYTES
                + " bytes. Scan it again; if it repeats, the scanner may be missing its end-of-line suffix (set CR or"
                + " CRLF in its configuration)";
        LOG.warn(msg);
        warnings.publish(msg);
    }

    private static String openFailure(String port, int errno) {
        String advice = switch (errno) {
            case 13 -> "permission denied: add the appliance's user to the dialout group (or a udev rule for the"
                    + " scanner)";
            case 16 -> "it is busy: another program holds it (often ModemManager: add the udev rule"
                    + " ENV{ID_MM_DEVICE_IGNORE}=\"1\" for the scanner)";
            case 2, 19, 6 -> "the device is gone: plug the scanner in";
            default -> "error " + errno + "; unplug and replug the scanner";
        };
        return "cannot open " + port + ": " + advice;
    }

    private void setStatus(ScannerStatus s) {
        synchronized (statuses) {
            if (s.equals(status)) {
                return;
            }
            status = s;
            statuses.publish(s);
        }
    }
}
