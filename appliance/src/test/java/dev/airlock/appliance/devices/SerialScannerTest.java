package dev.airlock.appliance.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scanner service against real pseudo-terminals joined by socat. */
class SerialScannerTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);
    static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path tmp;
    final List<CodeScanned> codes = new CopyOnWriteArrayList<>();
    final List<ScannerStatus> statuses = new CopyOnWriteArrayList<>();
    final List<String> warnings = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void nativeLibrary() {
        boolean wasSet = !System.getProperty(NativeLibs.PROPERTY, "").isEmpty();
        Path dir = Path.of("target", "native");
        NativeLibs.prepare(dir);
        if (!wasSet) {
            assertEquals(dir.toAbsolutePath().normalize().toString(), System.getProperty(NativeLibs.PROPERTY));
            assertTrue(Files.isRegularFile(dir.resolve("Linux/x86_64/libjSerialComm.so")));
        }
    }

    @BeforeEach
    void tools() {
        Tools.assumeInstalled("socat", "socat");
    }

    SerialScanner scanner(Path port) {
        SerialScanner s = new SerialScanner(port.toString(), 115200, CLOCK);
        s.onCode(codes::add);
        s.onStatus(statuses::add);
        s.onWarning(warnings::add);
        return s;
    }

    List<String> texts() {
        return codes.stream().map(CodeScanned::code).toList();
    }

    @Test
    void codes_splitOnCrLfOrCrLf_arriveInOrder() throws Exception {
        try (PtyPair pty = PtyPair.start(tmp); SerialScanner s = scanner(pty.scanner)) {
            s.start();
            assertTrue(Tools.await(WAIT, () -> s.status() instanceof ScannerStatus.Connected), () -> "" + s.status());
            assertEquals(new ScannerStatus.Connected(pty.scanner.toString()), s.status());
            pty.type("123\r\n456\r789\n");
            pty.type("\r\n\n0123456789012");
            pty.type("345678\r");
            assertTrue(Tools.await(WAIT, () -> codes.size() >= 4), () -> "codes: " + texts());
            assertEquals(List.of("123", "456", "789", "0123456789012345678"), texts());
            assertEquals(new CodeScanned("123", pty.scanner.toString(), CLOCK.instant()), codes.get(0));
        }
    }

    @Test
    void burst_of50Frames_of700Digits_arrivesIntact() throws Exception {
        Random random = new Random(42);
        List<String> frames = IntStream.range(0, 50)
                .mapToObj(i -> random.ints(700, 0, 10).mapToObj(Integer::toString).collect(Collectors.joining()))
                .toList();
        try (PtyPair pty = PtyPair.start(tmp); SerialScanner s = scanner(pty.scanner)) {
            s.start();
            assertTrue(Tools.await(WAIT, () -> s.status() instanceof ScannerStatus.Connected), () -> "" + s.status());
            pty.type(frames.stream().map(f -> f + "\r\n").collect(Collectors.joining()));
            assertTrue(Tools.await(WAIT, () -> codes.size() >= 50), () -> codes.size() + " codes");
            assertEquals(frames, texts());
        }
    }

    @Test
    void tooLongCode_isDroppedWithAWarning_andReadingGoesOn() throws Exception {
        try (PtyPair pty = PtyPair.start(tmp); SerialScanner s = scanner(pty.scanner)) {
            s.start();
            assertTrue(Tools.await(WAIT, () -> s.status() instanceof ScannerStatus.Connected), () -> "" + s.status());
            pty.type("1".repeat(SerialScanner.MAX_CODE_BYTES + 100) + "\r\nafter\r\n");
            assertTrue(Tools.await(WAIT, () -> codes.size() >= 1), () -> "codes: " + texts());
            assertEquals(List.of("after"), texts());
            assertEquals(1, warnings.size());
            assertTrue(warnings.get(0).startsWith("a code of 8292 bytes from " + pty.scanner + " was dropped"),
                    warnings.get(0));
            assertInstanceOf(ScannerStatus.Connected.class, s.status());
        }
    }

    @Test
    void unplug_publishesDisconnected_andReplugReconnects() throws Exception {
        try (SerialScanner s = scanner(tmp.resolve("scanner"))) {
            s.start();
            assertTrue(Tools.await(WAIT, () -> s.status() instanceof ScannerStatus.Disconnected d
                    && d.reason().contains("does not exist")), () -> "" + s.status());

            PtyPair pty = PtyPair.start(tmp);
            assertTrue(Tools.await(WAIT, () -> s.status() instanceof ScannerStatus.Connected), () -> "" + s.status());
            pty.type("first\r\n");
            assertTrue(Tools.await(WAIT, () -> codes.size() == 1));

            pty.close(); // the cable is pulled
            assertTrue(Tools.await(WAIT, () -> s.status() instanceof ScannerStatus.Disconnected), () -> "" + s.status());

            try (PtyPair again = PtyPair.start(tmp)) {
                assertTrue(Tools.await(WAIT, () -> s.status() instanceof ScannerStatus.Connected),
                        () -> "" + s.status());
                again.type("second\r\n");
                assertTrue(Tools.await(WAIT, () -> codes.size() == 2), () -> "codes: " + texts());
            }
            assertEquals(List.of("first", "second"), texts());
            List<Class<?>> kinds = statuses.stream().<Class<?>>map(Object::getClass).toList();
            assertEquals(List.of(ScannerStatus.Disconnected.class, ScannerStatus.Connected.class,
                    ScannerStatus.Disconnected.class, ScannerStatus.Connected.class), kinds.subList(0, 4),
                    () -> "statuses: " + statuses);
        }
    }

    @Test
    void close_stopsTheReaderThread() throws Exception {
        try (PtyPair pty = PtyPair.start(tmp)) {
            SerialScanner s = scanner(pty.scanner);
            s.start();
            assertTrue(Tools.await(WAIT, () -> s.status() instanceof ScannerStatus.Connected), () -> "" + s.status());
            assertTimeoutPreemptively(WAIT, s::close, "close() hung"); // a hang guard, not a timing figure
            assertEquals(new ScannerStatus.Disconnected("the scanner service is stopped"), s.status());
            assertTrue(Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().equals("airlock-scanner")
                    && t.isAlive()));
        }
    }

    @Test
    void auto_picksTtyAcmBeforeTtyUsb_byNumber() throws IOException {
        Path dev = Files.createDirectories(tmp.resolve("dev"));
        SerialScanner s = new SerialScanner("auto", 115200, CLOCK, dev);
        assertTrue(s.findPort().isEmpty());
        for (String n : List.of("ttyUSB0", "ttyACM10", "ttyACM2", "ttyS0", "ttyACMx")) {
            Files.createFile(dev.resolve(n));
        }
        assertEquals(dev.resolve("ttyACM2").toString(), s.findPort().orElseThrow());
    }

    @Test
    void constructor_rejectsBadSettings_withAMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SerialScanner("ttyACM0", 115200, CLOCK));
        assertTrue(e.getMessage().contains("\"auto\" or a device path"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new SerialScanner("auto", 0, CLOCK));
    }
}
