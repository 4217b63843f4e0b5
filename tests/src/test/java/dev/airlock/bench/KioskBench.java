package dev.airlock.bench;

import dev.airlock.appliance.Appliance;
import dev.airlock.appliance.audit.Actor;
import dev.airlock.appliance.inventory.ProductFilter;
import dev.airlock.appliance.keys.KeyService;
import dev.airlock.appliance.keys.Passphrase;
import dev.airlock.appliance.store.ApplianceInfo;
import dev.airlock.tests.kiosk.BenchSupport;
import dev.airlock.tests.kiosk.KioskBrowser;
import dev.airlock.tests.kiosk.KioskProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * The kiosk's figures: cold start to the first page (HTTP 200 of "/" and chromium's first load
 * rendered) for the fat jar, the extracted layout without and with the CDS archive, and with a
 * JDK 25 AOT cache (median of N each); RSS after a short journey; the machine grid on a store of
 * 100,000 products (the data provider's page fetch, and the browser scrolled to row 50,000).
 * Usage: tests/bench-kiosk.sh [--runs N] [--products N] [--skip-start] [--skip-grid]
 */
public final class KioskBench {
    private static final String PASSPHRASE = "kiosk bench passphrase";

    private KioskBench() {}

    public static void main(String[] args) throws Exception {
        int runs = 5;
        int products = 100_000;
        boolean start = true;
        boolean grid = true;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--products" -> products = Integer.parseInt(args[++i]);
                case "--skip-start" -> start = false;
                case "--skip-grid" -> grid = false;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Path work = Files.createTempDirectory("airlock-kiosk-bench");
        List<String> table = new ArrayList<>();
        try {
            if (start) {
                coldStarts(work, runs, table);
                rssAfterJourney(work, table);
            }
            if (grid) {
                machineGrid(work, products, table);
            }
        } finally {
            deleteTree(work);
        }
        System.out.println();
        System.out.println("== kiosk benchmark (" + Runtime.getRuntime().availableProcessors() + " cores, java "
                + System.getProperty("java.version") + ")");
        table.forEach(System.out::println);
        Path out = KioskProcess.ROOT.resolve("tests/target/kiosk-bench.txt");
        Files.createDirectories(out.getParent());
        Files.write(out, table);
    }

    private static void coldStarts(Path work, int runs, List<String> table) throws Exception {
        KioskProcess.forgetCaches();
        Map<KioskProcess.Mode, String> label = new LinkedHashMap<>();
        label.put(KioskProcess.Mode.FAT_JAR, "fat jar (java -jar kiosk.jar)");
        label.put(KioskProcess.Mode.EXTRACTED, "extracted, no CDS (AIRLOCK_KIOSK_CDS=off)");
        label.put(KioskProcess.Mode.EXTRACTED_CDS, "extracted + CDS archive (./airlock kiosk)");
        label.put(KioskProcess.Mode.EXTRACTED_AOT, "extracted + JDK 25 AOT cache");
        table.add(String.format(Locale.ROOT, "%-44s %12s %14s %8s", "cold start, median of " + runs,
                "HTTP 200 ms", "first page ms", "RSS MiB"));
        for (var e : label.entrySet()) {
            KioskProcess.Mode mode = e.getKey();
            if (mode == KioskProcess.Mode.EXTRACTED_CDS || mode == KioskProcess.Mode.EXTRACTED_AOT) {
                // the training run that writes the archive / cache (not measured)
                double[] t = startOnce(work, mode, "train-" + mode);
                System.out.printf(Locale.ROOT, "%s: training run %.0f ms%n", mode, t[1]);
            }
            List<Double> http = new ArrayList<>();
            List<Double> page = new ArrayList<>();
            List<Double> rss = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                double[] t = startOnce(work, mode, mode + "-" + i);
                http.add(t[0]);
                page.add(t[1]);
                rss.add(t[2]);
                System.out.printf(Locale.ROOT, "%s run %d: HTTP 200 %.0f ms, first page %.0f ms%n", mode, i + 1, t[0],
                        t[1]);
            }
            table.add(String.format(Locale.ROOT, "%-44s %12.0f %14.0f %8.0f", e.getValue(), median(http), median(page),
                    median(rss)));
        }
    }

    /** One cold start: {HTTP 200 ms, first page rendered ms, RSS MiB}, both times from the JVM's start. */
    private static double[] startOnce(Path work, KioskProcess.Mode mode, String name) throws Exception {
        Path dir = Files.createDirectories(work.resolve(name));
        try (KioskBrowser b = BenchSupport.browser("bench", dir.resolve("profiles"), 1280, 800)) {
            KioskProcess.Options o = KioskProcess.Options.of(dir.resolve("data")).mode(mode)
                    .env("AIRLOCK_MEDIA_ROOTS", Files.createDirectories(dir.resolve("media")).toString());
            try (KioskProcess k = KioskProcess.start(o, dir.resolve("kiosk.log"))) {
                double http = k.millisToReady();
                BenchSupport.firstPage(b, k);
                double page = (System.nanoTime() - k.startedNanos()) / 1e6;
                return new double[] {http, page, k.rssMiB()};
            }
        }
    }

    private static void rssAfterJourney(Path work, List<String> table) throws Exception {
        Path dir = Files.createDirectories(work.resolve("journey"));
        try (KioskBrowser b = BenchSupport.browser("bench", dir.resolve("profiles"), 1280, 800)) {
            KioskProcess.Options o = KioskProcess.Options.of(dir.resolve("data")).mode(KioskProcess.Mode.EXTRACTED_CDS)
                    .env("AIRLOCK_MEDIA_ROOTS", Files.createDirectories(dir.resolve("media")).toString());
            try (KioskProcess k = KioskProcess.start(o, dir.resolve("kiosk.log"))) {
                BenchSupport.journey(b, k);
                table.add(String.format(Locale.ROOT, "%-44s %12d MiB (budget 350)",
                        "RSS after a journey (extracted + CDS)", k.rssMiB()));
            }
        }
    }

    private static void machineGrid(Path work, int products, List<String> table) throws Exception {
        Path dir = Files.createDirectories(work.resolve("grid"));
        Path data = dir.resolve("data");
        Clock clock = Clock.systemUTC();
        SecureRandom random = new SecureRandom();
        long l0 = System.nanoTime();
        int machines;
        Appliance appliance = Appliance.init(data, ApplianceInfo.Role.LAB, "bench", new Actor("bench"), clock,
                new Random(1), KeyService.prepare(Passphrase.of(PASSPHRASE.toCharArray()), random), d -> { });
        machines = BulkLoad.load(appliance, dir, products, clock);
        long count = appliance.inventory().countProducts(ProductFilter.all());
        System.out.printf(Locale.ROOT, "store: %,d products on %,d machines in %.1f s%n", count, machines,
                (System.nanoTime() - l0) / 1e9);

        // The data provider's calls in this JVM: count + one page of 50 at offsets across the store.
        ProductFilter all = ProductFilter.all();
        ProductFilter search = new ProductFilter(Optional.empty(), Optional.empty(), Optional.of("LAB-0"));
        for (int warm = 0; warm < 3; warm++) {
            appliance.inventory().countProducts(all);
            appliance.inventory().products(all, warm * 1000L, 50);
        }
        table.add(String.format(Locale.ROOT, "machine grid on %,d products (target <= 300 ms per page fetch)", count));
        for (long offset : new long[] {0, count / 2, count - 50}) {
            List<Double> countMs = new ArrayList<>();
            List<Double> pageMs = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                long t0 = System.nanoTime();
                appliance.inventory().countProducts(all);
                long t1 = System.nanoTime();
                appliance.inventory().products(all, offset, 50);
                countMs.add((t1 - t0) / 1e6);
                pageMs.add((System.nanoTime() - t1) / 1e6);
            }
            table.add(String.format(Locale.ROOT, "  data provider at row %,-8d count %7.1f ms + page of 50 %7.1f ms = %7.1f ms",
                    offset, median(countMs), median(pageMs), median(countMs) + median(pageMs)));
        }
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long t0 = System.nanoTime();
            appliance.inventory().countProducts(search);
            appliance.inventory().products(search, 0, 50);
            ms.add((System.nanoTime() - t0) / 1e6);
        }
        table.add(String.format(Locale.ROOT, "  data provider, search \"LAB-0\", page of 50     %8.1f ms", median(ms)));
        appliance.close();

        // Through the browser: the real kiosk on that store, the grid scrolled to the middle.
        try (KioskBrowser b = BenchSupport.browser("bench", dir.resolve("profiles"), 1280, 800)) {
            KioskProcess.Options o = KioskProcess.Options.of(data).mode(KioskProcess.Mode.EXTRACTED_CDS)
                    .env("AIRLOCK_MEDIA_ROOTS", Files.createDirectories(dir.resolve("media")).toString());
            try (KioskProcess k = KioskProcess.start(o, dir.resolve("kiosk.log"))) {
                BenchSupport.unlockAndSignIn(b, k, PASSPHRASE);
                List<Double> scroll = new ArrayList<>();
                int middle = (int) (count / 2);
                for (int i = 0; i < 5; i++) {
                    scroll.add(BenchSupport.scrollGridMillis(b, k, middle + i * 997));
                }
                table.add(String.format(Locale.ROOT, "  browser: grid scrolled to row %,d, rows shown  %8.1f ms", middle,
                        median(scroll)));
                table.add(String.format(Locale.ROOT, "  kiosk RSS after scrolling the 100k grid        %8d MiB",
                        k.rssMiB()));
            }
        }
    }

    static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        Collections.sort(s);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
