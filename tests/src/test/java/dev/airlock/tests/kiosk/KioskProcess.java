package dev.airlock.tests.kiosk;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real kiosk in its own JVM, started the way {@code ./airlock kiosk} starts it (same JVM
 * options; the fat jar, or the extracted layout with a class-data or AOT cache), on a free port
 * of 127.0.0.1, with its log captured to a file. Close it to stop it.
 */
public final class KioskProcess implements AutoCloseable {
    /** How the JVM is started: the benchmark compares them. */
    public enum Mode {
        /** {@code java -jar kiosk.jar} (the Spring Boot fat jar). */
        FAT_JAR,
        /** The extracted jar + lib/ layout, without a class-data archive (AIRLOCK_KIOSK_CDS=off). */
        EXTRACTED,
        /** The extracted layout with the launcher's auto-created CDS archive. */
        EXTRACTED_CDS,
        /** The extracted layout with a JDK 25 AOT cache (made by a training run). */
        EXTRACTED_AOT
    }

    /** What to start: data dir, environment (AIRLOCK_* settings), system properties, mode. */
    public record Options(Path data, Map<String, String> env, Map<String, String> properties, Mode mode) {
        /** Started as {@code ./airlock kiosk} starts it (extracted + CDS), or as AIRLOCK_TEST_KIOSK_MODE says. */
        public static Options of(Path data) {
            Mode mode = Mode.valueOf(System.getenv().getOrDefault("AIRLOCK_TEST_KIOSK_MODE", Mode.EXTRACTED_CDS.name()));
            return new Options(data, new LinkedHashMap<>(), new LinkedHashMap<>(), mode);
        }

        public Options env(String name, String value) {
            env.put(name, value);
            return this;
        }

        public Options property(String name, String value) {
            properties.put(name, value);
            return this;
        }

        public Options mode(Mode m) {
            return new Options(data, env, properties, m);
        }
    }

    public static final Path ROOT = locateRoot();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Options options;
    private final Path log;
    private final int port;
    private final Process process;
    private final long startedNanos;
    private long readyNanos;

    private KioskProcess(Options options, Path log, int port, Process process, long startedNanos) {
        this.options = options;
        this.log = log;
        this.port = port;
        this.process = process;
        this.startedNanos = startedNanos;
    }

    /** Starts the kiosk and waits until "/" answers 200. */
    public static KioskProcess start(Options options, Path log) throws IOException, InterruptedException {
        return start(options, log, freePort());
    }

    public static KioskProcess start(Options options, Path log, int port) throws IOException, InterruptedException {
        List<String> cmd = command(options, port);
        Files.createDirectories(log.toAbsolutePath().getParent());
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().keySet().removeIf(k -> k.startsWith("AIRLOCK_") || k.equals("SERVER_PORT"));
        pb.environment().put("MALLOC_ARENA_MAX", "2"); // as the launcher sets it
        pb.environment().putAll(options.env());
        Files.writeString(log, "$ " + String.join(" ", cmd) + "\n", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        long t0 = System.nanoTime();
        KioskProcess k = new KioskProcess(options, log, port, pb.start(), t0);
        try {
            k.awaitReady(Duration.ofSeconds(90));
        } catch (RuntimeException | InterruptedException e) {
            k.close();
            throw e;
        }
        return k;
    }

    /** The kiosk's JVM options as the launcher reads them: kiosk-ui/jvm.options without comments. */
    public static List<String> jvmOptions() throws IOException {
        return Files.readAllLines(ROOT.resolve("kiosk-ui/jvm.options")).stream().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    /** The JVM command line: the launcher's options, from the same file (kiosk-ui/jvm.options). */
    static List<String> command(Options o, int port) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(java()));
        cmd.addAll(jvmOptions());
        Path jar;
        switch (o.mode()) {
            case FAT_JAR -> jar = fatJar();
            case EXTRACTED -> jar = extracted().resolve("kiosk.jar");
            case EXTRACTED_CDS -> {
                Path dir = extracted();
                jar = dir.resolve("kiosk.jar");
                cmd.addAll(List.of("-XX:SharedArchiveFile=" + dir.resolve("kiosk.jsa"), "-XX:+AutoCreateSharedArchive",
                        "-Xlog:cds*=off", "-Xlog:aot*=off"));
            }
            case EXTRACTED_AOT -> {
                Path dir = extracted();
                jar = dir.resolve("kiosk.jar");
                Path aot = dir.resolve("kiosk.aot");
                // JDK 25: without a cache this is the training run, which writes it at exit.
                cmd.addAll(List.of((Files.exists(aot) ? "-XX:AOTCache=" : "-XX:AOTCacheOutput=") + aot,
                        "-Xlog:aot*=off", "-Xlog:cds*=off"));
            }
            default -> throw new IllegalStateException();
        }
        o.properties().forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        cmd.add("-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"));
        cmd.addAll(List.of("-jar", jar.toString(), "--data", o.data().toString(), "--port", String.valueOf(port)));
        return cmd;
    }

    /** The kiosk fat jar the reactor built (or -Dairlock.kiosk.jar). */
    public static Path fatJar() {
        Path jar = Path.of(System.getProperty("airlock.kiosk.jar",
                System.getenv().getOrDefault("AIRLOCK_TEST_KIOSK_JAR", ROOT.resolve("kiosk-ui/target/kiosk.jar").toString())));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no kiosk jar at " + jar + ": build it (./mvnw -B -pl tests -am install -DskipTests)");
        }
        return jar;
    }

    private static Path extractedDir;

    /**
     * The fat jar extracted once (as the launcher does) into tests/target/kiosk-app, refreshed when the
     * jar changes. A file lock keeps test JVMs running side by side from extracting it at once.
     */
    public static synchronized Path extracted() throws IOException, InterruptedException {
        if (extractedDir != null) {
            return extractedDir;
        }
        Path jar = fatJar();
        Path dir = ROOT.resolve("tests/target/kiosk-app");
        Path stamp = dir.resolve("source.stamp");
        String want = jar + " " + Files.size(jar) + " " + Files.getLastModifiedTime(jar).toMillis();
        try (FileChannel lockFile = FileChannel.open(ROOT.resolve("tests/target/kiosk-app.lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock ignored = lockFile.lock()) {
            if (!Files.exists(stamp) || !Files.readString(stamp).equals(want)) {
                deleteTree(dir);
                Process p = new ProcessBuilder(java(), "-Djarmode=tools", "-jar", jar.toString(), "extract", "--destination",
                        dir.toString()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                    throw new IllegalStateException("extracting " + jar + " failed");
                }
                Files.writeString(stamp, want);
            }
        }
        extractedDir = dir;
        return dir;
    }

    /** Deletes the extracted layout's CDS archive and AOT cache (the bench measures their creation apart). */
    public static void forgetCaches() throws IOException, InterruptedException {
        Path dir = extracted();
        Files.deleteIfExists(dir.resolve("kiosk.jsa"));
        Files.deleteIfExists(dir.resolve("kiosk.aot"));
    }

    private void awaitReady(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        HttpRequest request = HttpRequest.newBuilder(url("/")).timeout(Duration.ofSeconds(5)).GET().build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the kiosk exited with " + process.exitValue() + ":\n" + logTail(60));
            }
            try {
                HttpResponse<Void> r = HTTP.send(request, HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    readyNanos = System.nanoTime();
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(25);
        }
        throw new IllegalStateException("the kiosk did not answer on port " + port + " within " + limit + ":\n" + logTail(60));
    }

    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + (path.startsWith("/") ? path : "/" + path));
    }

    public String base() {
        return "http://127.0.0.1:" + port + "/";
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    public Options options() {
        return options;
    }

    public Path log() {
        return log;
    }

    /** Milliseconds from starting the JVM to the first HTTP 200 of "/". */
    public long millisToReady() {
        return (readyNanos - startedNanos) / 1_000_000;
    }

    /** Nanos at which the JVM was started (to time the first page load in the browser from the same origin). */
    public long startedNanos() {
        return startedNanos;
    }

    /** Resident set size of the kiosk JVM now, in MiB (from /proc/PID/status VmRSS). */
    public long rssMiB() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
            }
        }
        throw new IllegalStateException("no VmRSS for " + process.pid());
    }

    /** How many lines of the kiosk's log contain {@code text} (0 while there is no log). */
    public long logLines(String text) throws IOException {
        if (!Files.exists(log)) {
            return 0;
        }
        try (java.util.stream.Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
            return lines.filter(l -> l.contains(text)).count();
        }
    }

    /** The last {@code lines} lines of the kiosk's log. */
    public String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** Stops this kiosk and starts it again on the same port with the same options (a reboot). */
    public KioskProcess restart() throws IOException, InterruptedException {
        close();
        return start(options, log, port);
    }

    /** {@code kill -9}: the kiosk gets no chance to clean up (SIGKILL). */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /** Stops it the way systemd would (SIGTERM, then SIGKILL after 20 s). */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static Path locateRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.exists(p.resolve("mvnw"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("cannot find the repository root above " + Path.of("").toAbsolutePath());
        }
        return p;
    }
}
