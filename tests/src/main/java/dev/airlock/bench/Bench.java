package dev.airlock.bench;

import dev.airlock.appliance.Appliance;
import dev.airlock.appliance.audit.Actor;
import dev.airlock.appliance.demo.DemoData;
import dev.airlock.appliance.collect.IntakeOptions;
import dev.airlock.appliance.collect.IntakeSummary;
import dev.airlock.appliance.inventory.StatusReport;
import dev.airlock.appliance.store.ApplianceInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Measures the figures on this machine:
 * <ol>
 *   <li>intake of N collector files (from {@code airlock demo}) into an empty store, and the
 *       same files again (a no-op);</li>
 *   <li>{@code airlock status} on a store of about 100,000 products: in-process (warm) and as
 *       the real command (a fresh JVM each time, like a technician typing it).</li>
 * </ol>
 * Usage: {@code Bench [--files N] [--products N] [--launcher ./airlock]}.
 */
public final class Bench {
    private Bench() {}

    public static void main(String[] args) throws Exception {
        int files = 10_000;
        int products = 100_000;
        Path launcher = Path.of("airlock");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--files" -> files = Integer.parseInt(args[++i]);
                case "--products" -> products = Integer.parseInt(args[++i]);
                case "--launcher" -> launcher = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        Path work = Files.createTempDirectory("airlock-bench");
        try {
            intake(work, files);
            status(work, products, launcher);
        } finally {
            deleteTree(work);
        }
    }

    private static void intake(Path work, int files) throws IOException {
        Clock clock = Clock.systemUTC();
        Path stick = work.resolve("stick");
        long t0 = System.nanoTime();
        new DemoData(clock).write(files, stick, 42, n -> { });
        long t1 = System.nanoTime();
        Appliance appliance = Appliance.init(work.resolve("intake-data"), ApplianceInfo.Role.LAB, "bench",
                new Actor("bench"), clock, new Random(1));
        long t2 = System.nanoTime();
        IntakeSummary first = appliance.collect().ingest(List.of(stick), IntakeOptions.defaults(), new Actor("bench"),
                o -> { });
        long t3 = System.nanoTime();
        IntakeSummary again = appliance.collect().ingest(List.of(stick), IntakeOptions.defaults(), new Actor("bench"),
                o -> { });
        long t4 = System.nanoTime();
        System.out.printf(Locale.ROOT, "demo files written:      %,d files in %.2f s%n", files, secs(t0, t1));
        System.out.printf(Locale.ROOT, "intake into empty store: %,d files in %.2f s (%.0f files/s)  [%s]%n", files,
                secs(t2, t3), files / secs(t2, t3), first);
        System.out.printf(Locale.ROOT, "intake again (no-op):    %,d files in %.2f s (%.0f files/s)  [%s]%n", files,
                secs(t3, t4), files / secs(t3, t4), again);
    }

    private static void status(Path work, int products, Path launcher) throws Exception {
        Clock clock = Clock.systemUTC();
        Path data = work.resolve("status-data");
        Appliance appliance = Appliance.init(data, ApplianceInfo.Role.LAB, "bench", new Actor("bench"), clock,
                new Random(2));
        long t0 = System.nanoTime();
        int machines = BulkLoad.load(appliance, data, products, clock);
        long t1 = System.nanoTime();
        StatusReport report = appliance.inventory().status();
        System.out.printf(Locale.ROOT, "store for status:        %,d machines, %,d products (loaded in %.1f s)%n",
                machines, report.products(), secs(t0, t1));
        List<Double> warm = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            long s = System.nanoTime();
            appliance.inventory().status();
            warm.add(secs(s, System.nanoTime()) * 1000);
        }
        System.out.printf(Locale.ROOT, "status, in-process warm: median %.1f ms, max %.1f ms (20 runs)%n",
                median(warm), max(warm));
        if (Files.isExecutable(launcher)) {
            List<Double> cold = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                long s = System.nanoTime();
                Process p = new ProcessBuilder(launcher.toAbsolutePath().toString(), "status", "--data",
                        data.toString())
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                if (p.waitFor() != 0) {
                    throw new IllegalStateException("airlock status exited " + p.exitValue());
                }
                if (i > 0) {
                    cold.add(secs(s, System.nanoTime()) * 1000); // run 0 may build the class-data archive
                }
            }
            System.out.printf(Locale.ROOT, "status, ./airlock status: median %.0f ms, max %.0f ms (7 runs, fresh JVM"
                    + " each, %,d products)%n", median(cold), max(cold), report.products());
        } else {
            System.out.println("status, ./airlock status: skipped (no executable " + launcher + ")");
        }
    }

    private static double secs(long from, long to) {
        return (to - from) / 1e9;
    }

    private static double median(List<Double> xs) {
        List<Double> s = xs.stream().sorted().toList();
        return s.get(s.size() / 2);
    }

    private static double max(List<Double> xs) {
        return xs.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }

    static void deleteTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
