package dev.airlock.bench;

import dev.airlock.tests.kiosk.KioskProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The kiosk's start against its floor, round by round: the real kiosk as {@code ./airlock kiosk}
 * starts it (extracted + CDS archive, kiosk-ui/jvm.options, Spring AOT) vs a minimal Spring Boot
 * app (one controller) on the same jars, JVM options and its own CDS archive. The floor runs twice
 * a round: as a plain Spring Boot app (the options without {@code spring.aot.enabled}: the goal's
 * floor), and through Spring AOT like the kiosk (the floor jar holds its generated code). Figures:
 * milliseconds from starting the JVM to the first HTTP 200 of "/", and the resident size at that
 * moment (goal ≤ 1.3× each). Usage: {@code KioskFloorBench --floor-jar JAR [--runs N]}
 * (tests/bench-kiosk-floor.sh).
 */
public final class KioskFloorBench {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private KioskFloorBench() {}

    public static void main(String[] args) throws Exception {
        int runs = 5;
        Path floorJar = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--floor-jar" -> floorJar = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (floorJar == null) {
            throw new IllegalArgumentException("--floor-jar JAR is required (with the kiosk jar's Class-Path)");
        }
        Path work = Files.createTempDirectory("airlock-kiosk-floor-bench");
        try {
            KioskProcess.forgetCaches();
            Path jar = Files.copy(floorJar, KioskProcess.extracted().resolve("floor.jar"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING); // beside kiosk.jar: the same lib/
            Path plainArchive = work.resolve("floor.jsa");
            Path aotArchive = work.resolve("floor-aot.jsa");
            kioskOnce(work, "train-kiosk"); // writes the kiosk's CDS archive (not measured)
            floorOnce(jar, false, plainArchive, work.resolve("train-floor.log")); // and the floors'
            floorOnce(jar, true, aotArchive, work.resolve("train-floor-aot.log"));
            Series kiosk = new Series();
            Series plain = new Series();
            Series aot = new Series();
            for (int i = 0; i < runs; i++) {
                double[] k = kioskOnce(work, "kiosk-" + i);
                double[] f = floorOnce(jar, false, plainArchive, work.resolve("floor-" + i + ".log"));
                double[] a = floorOnce(jar, true, aotArchive, work.resolve("floor-aot-" + i + ".log"));
                kiosk.add(k);
                plain.add(f);
                aot.add(a);
                System.out.printf(Locale.ROOT, "run %d: kiosk %.0f ms %.0f MiB; floor %.0f ms %.0f MiB;"
                        + " floor with Spring AOT %.0f ms %.0f MiB%n", i + 1, k[0], k[1], f[0], f[1], a[0], a[1]);
            }
            System.out.println();
            System.out.println("| figure | size | Airlock | floor | ratio | goal |");
            System.out.println("|---|---|---|---|---|---|");
            row("kiosk first HTTP 200 (extracted + CDS + Spring AOT)", "a minimal Spring Boot app", kiosk, plain, 0, "ms");
            row("kiosk RSS at the first HTTP 200", "a minimal Spring Boot app", kiosk, plain, 1, "MiB");
            row("kiosk first HTTP 200", "the minimal app through Spring AOT too", kiosk, aot, 0, "ms");
            row("kiosk RSS at the first HTTP 200", "the minimal app through Spring AOT too", kiosk, aot, 1, "MiB");
        } finally {
            Bench.deleteTree(work);
        }
    }

    /** One cold start of the kiosk: {ms to the first 200, RSS MiB then}. */
    private static double[] kioskOnce(Path work, String name) throws Exception {
        Path dir = Files.createDirectories(work.resolve(name));
        KioskProcess.Options o = KioskProcess.Options.of(dir.resolve("data")).mode(KioskProcess.Mode.EXTRACTED_CDS)
                .env("AIRLOCK_MEDIA_ROOTS", Files.createDirectories(dir.resolve("media")).toString());
        try (KioskProcess k = KioskProcess.start(o, dir.resolve("kiosk.log"))) {
            return new double[] {k.millisToReady(), k.rssMiB()};
        }
    }

    /** One app's figures round by round: {ms to the first 200, RSS MiB then}. */
    private static final class Series {
        private final List<double[]> rounds = new ArrayList<>();

        void add(double[] figures) {
            rounds.add(figures);
        }

        List<Double> figure(int i) {
            return rounds.stream().map(r -> r[i]).toList();
        }
    }

    /** A table row: the medians of figure {@code i}, and the median of the ratios taken round by round. */
    private static void row(String figure, String floor, Series kiosk, Series against, int i, String unit) {
        List<Double> ratios = new ArrayList<>();
        for (int r = 0; r < kiosk.rounds.size(); r++) {
            ratios.add(kiosk.rounds.get(r)[i] / against.rounds.get(r)[i]);
        }
        System.out.printf(Locale.ROOT, "| %s vs %s | — | %.0f %s | %.0f %s | %.2f× | ≤ 1.3× |%n", figure, floor,
                median(kiosk.figure(i)), unit, median(against.figure(i)), unit, median(ratios));
    }

    /**
     * One cold start of the minimal app on the kiosk's jars and options, through Spring AOT or not:
     * {ms to the first 200, RSS MiB then}.
     */
    private static double[] floorOnce(Path jar, boolean springAot, Path archive, Path log) throws Exception {
        int port = KioskProcess.freePort();
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        KioskProcess.jvmOptions().stream().filter(o -> springAot || !o.startsWith("-Dspring.aot.enabled="))
                .forEach(cmd::add);
        cmd.addAll(List.of("-XX:SharedArchiveFile=" + archive, "-XX:+AutoCreateSharedArchive", "-Xlog:cds*=off",
                "-Xlog:aot*=off", "-jar", jar.toString(), "--server.port=" + port, "--server.address=127.0.0.1"));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("MALLOC_ARENA_MAX", "2"); // as the launcher sets it for the kiosk
        long t0 = System.nanoTime();
        Process p = pb.start();
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                    .timeout(Duration.ofSeconds(5)).GET().build();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (System.nanoTime() < deadline) {
                if (!p.isAlive()) {
                    throw new IllegalStateException("the floor app exited " + p.exitValue() + "; see " + log);
                }
                try {
                    if (HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        double ms = (System.nanoTime() - t0) / 1e6;
                        return new double[] {ms, rssMiB(p.pid())};
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(20);
            }
            throw new IllegalStateException("the floor app did not answer within 90 s; see " + log);
        } finally {
            p.destroy();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private static double rssMiB(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
            }
        }
        throw new IllegalStateException("no VmRSS for " + pid);
    }

    private static double median(List<Double> xs) {
        List<Double> s = xs.stream().sorted().toList();
        return s.get(s.size() / 2);
    }
}
