package dev.airlock.bench;

import dev.airlock.appliance.Appliance;
import dev.airlock.appliance.audit.Actor;
import dev.airlock.appliance.config.Setting;
import dev.airlock.appliance.demo.StandInActivationService;
import dev.airlock.appliance.gateway.BatchActivationConfig;
import dev.airlock.appliance.gateway.GatewayListener;
import dev.airlock.appliance.gateway.GatewayResult;
import dev.airlock.appliance.keys.KeyService;
import dev.airlock.appliance.keys.Passphrase;
import dev.airlock.appliance.keys.Sleeper;
import dev.airlock.appliance.store.ApplianceInfo;
import dev.airlock.formats.bundle.BundleFile;
import dev.airlock.formats.bundle.CountQuery;
import dev.airlock.formats.bundle.ExportRecord;
import dev.airlock.formats.bundle.RequestBundle;
import dev.airlock.formats.bundle.SignedBundle;
import dev.airlock.formats.ids.ApplicationId;
import dev.airlock.formats.ids.ExtendedProductId;
import dev.airlock.formats.ids.InstallationId;
import dev.airlock.formats.ids.SkuId;
import dev.airlock.formats.signature.PublicKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * The online gateway against the BatchActivation stand-in answering each call after a fixed
 * latency (200 ms by default, about what the real service takes), at two sizes: the default number
 * of calls in flight ({@code gateway.parallel}, 8) beside one call at a time ({@code --parallel 1})
 * in the same run, and beside the floor that latency sets (rounds of 8 calls × latency). Each run is a
 * whole {@code processOnline} (passphrase check, verify, calls, cache writes, signed response) on a
 * fresh gateway store; the stand-in counts the calls per pair, so "asked twice" is what it saw.
 * With {@code --launcher ./airlock} the large size also runs as the real command in a fresh JVM.
 * Usage: {@code GatewayBench [--records N] [--small N] [--latency-ms MS] [--parallel N] [--launcher PATH]}.
 */
public final class GatewayBench {
    private static final String PASSPHRASE = "bench passphrase 1234";
    private static final Actor ACTOR = new Actor("bench");

    private GatewayBench() {}

    /** One measured run. */
    private record Measured(int records, int parallel, double seconds, int asked, int askedTwice, int confirmed,
            int mostAtOnce) {}

    public static void main(String[] args) throws Exception {
        int records = 1_000;
        int small = 200;
        int latencyMs = 200;
        int parallel = Integer.parseInt(Setting.GATEWAY_PARALLEL.defaultValue());
        Path launcher = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--records" -> records = Integer.parseInt(args[++i]);
                case "--small" -> small = Integer.parseInt(args[++i]);
                case "--latency-ms" -> latencyMs = Integer.parseInt(args[++i]);
                case "--parallel" -> parallel = Integer.parseInt(args[++i]);
                case "--launcher" -> launcher = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        Path work = Files.createTempDirectory("airlock-gateway-bench");
        try {
            run(work, records, small, Duration.ofMillis(latencyMs), parallel, launcher);
        } finally {
            Bench.deleteTree(work);
        }
    }

    private static void run(Path work, int records, int small, Duration latency, int parallel, Path launcher)
            throws Exception {
        SecureRandom random = new SecureRandom();
        Appliance lab = Appliance.init(work.resolve("lab"), ApplianceInfo.Role.LAB, "bench lab", ACTOR,
                Clock.systemUTC(), new Random(1), KeyService.prepare(Passphrase.of(PASSPHRASE), random), d -> { });
        Path bigRequest = request(lab, work, records, 0);
        Path smallRequest = request(lab, work, small, 10_000_000);
        System.out.printf(Locale.ROOT, "stand-in latency %d ms per call; %d calls in flight (gateway.parallel default)"
                + " vs 1%n", latency.toMillis(), parallel);
        // warm-up: a few records so class loading and the JIT's first tier are not in the first figure
        measure(lab, work, request(lab, work, 16, 20_000_000), latency, parallel, "warm-up");

        // the fixed cost of a run (passphrase check, verify, signing, writing the response): one record, less its call
        Measured one = measure(lab, work, request(lab, work, 1, 30_000_000), latency, parallel, "one");
        double fixed = Math.max(0, one.seconds() - latency.toMillis() / 1000.0);
        Measured smallPar = measure(lab, work, smallRequest, latency, parallel, "small-par");
        Measured smallSeq = measure(lab, work, smallRequest, latency, 1, "small-seq");
        Measured bigPar = measure(lab, work, bigRequest, latency, parallel, "big-par");
        Measured bigSeq = measure(lab, work, bigRequest, latency, 1, "big-seq");
        Double cli = launcher != null && Files.isExecutable(launcher)
                ? command(lab, work, bigRequest, latency, parallel, launcher) : null;
        lab.close();

        System.out.println();
        System.out.printf(Locale.ROOT, "Fixed cost of a run (1 record less its %d ms call): %s%n", latency.toMillis(),
                secs(fixed));
        System.out.println("| figure | size | Airlock | floor / sequential | ratio | goal |");
        System.out.println("|---|---|---|---|---|---|");
        for (Measured[] m : List.of(new Measured[] {smallPar, smallSeq}, new Measured[] {bigPar, bigSeq})) {
            Measured par = m[0];
            Measured seq = m[1];
            int rounds = (int) Math.ceil(par.records() / (double) parallel);
            double floor = fixed + rounds * latency.toMillis() / 1000.0;
            boolean big = par.records() == records;
            row("gateway online, " + parallel + " in flight vs --parallel 1", par.records(), par.seconds(),
                    "sequential " + secs(seq.seconds()), String.format(Locale.ROOT, "%.1f× faster",
                            seq.seconds() / par.seconds()),
                    big ? "≤ 40 s (sequential ≥ 200 s): " + (par.seconds() <= 40 && seq.seconds() >= 200 ? "met"
                            : "not met") : "");
            row("gateway online vs its floor (fixed cost + rounds of " + parallel + " × latency)", par.records(),
                    par.seconds(), String.format(Locale.ROOT, "%s (%s + %d × %d ms)", secs(floor), secs(fixed), rounds,
                            latency.toMillis()), String.format(Locale.ROOT, "%.2f×", par.seconds() / floor), "");
            row("pairs asked twice, " + parallel + " / 1 in flight", par.records(), par.askedTwice(),
                    seq.askedTwice(), par.asked() + " / " + seq.asked() + " pairs asked, at most " + par.mostAtOnce()
                            + " at once", "0");
            row("cost per record without the fixed cost, " + parallel + " in flight / sequential", par.records(),
                    ms((par.seconds() - fixed) / par.records()), ms((seq.seconds() - fixed) / seq.records()),
                    "floor " + ms(latency.toMillis() / 1000.0 / parallel) + " / " + ms(latency.toMillis() / 1000.0),
                    "flat");
        }
        if (cli != null) {
            row("./airlock gateway process (fresh JVM), " + parallel + " in flight", records, cli,
                    "in-process " + secs(bigPar.seconds()), String.format(Locale.ROOT, "%.2f×", cli / bigPar.seconds()),
                    "≤ 40 s: " + (cli <= 40 ? "met" : "not met"));
        }
        double perSmall = (smallPar.seconds() - fixed) / smallPar.records();
        double perBig = (bigPar.seconds() - fixed) / bigPar.records();
        System.out.printf(Locale.ROOT, "%nCost per record with %d in flight (fixed cost taken off): %s at %,d, %s at %,d"
                + " (%s).%n", parallel, ms(perSmall), small, ms(perBig), records,
                Math.abs(perBig - perSmall) / perSmall <= 0.15 ? "flat" : "not flat: " + String.format(Locale.ROOT,
                        "%+.0f%%", (perBig - perSmall) / perSmall * 100));
        if (bigPar.askedTwice() + bigSeq.askedTwice() + smallPar.askedTwice() + smallSeq.askedTwice() > 0) {
            throw new IllegalStateException("a pair was asked twice");
        }
    }

    private static String ms(double seconds) {
        return String.format(Locale.ROOT, "%.1f ms", seconds * 1000);
    }

    private static void row(String figure, int size, Object airlock, Object floor, String ratio, String goal) {
        System.out.printf(Locale.ROOT, "| %s | %,d | %s | %s | %s | %s |%n", figure, size,
                airlock instanceof Double d ? secs(d) : airlock, floor, ratio, goal);
    }

    private static String secs(double s) {
        return String.format(Locale.ROOT, "%.1f s", s);
    }

    /** A signed request of {@code n} records (IIDs from {@code base}) over 5 ePIDs, with one count query each. */
    private static Path request(Appliance lab, Path work, int n, long base) throws Exception {
        List<ExportRecord> recs = new ArrayList<>(n);
        List<CountQuery> queries = new ArrayList<>();
        for (int k = 0; k < 5; k++) {
            queries.add(CountQuery.of(epid(k)));
        }
        for (int i = 0; i < n; i++) {
            recs.add(new ExportRecord(SkuId.parse("73111121-5638-40f6-bc11-f1d7b0d64300"), ApplicationId.WINDOWS,
                    "Windows 11 Enterprise", epid(i % 5), InstallationId.parse(String.format(Locale.ROOT, "%063d",
                            100_000_000L + base + i))));
        }
        PublicKey key = lab.keys().publicKey();
        RequestBundle.Built built = RequestBundle.build(key.id(), recs, queries, Instant.now(),
                new Random(base));
        SignedBundle signed;
        try (Passphrase p = Passphrase.of(PASSPHRASE)) {
            signed = SignedBundle.sign(built.bundle(), key.id(), lab.keys().signer(p, ACTOR));
        }
        Path file = work.resolve("request-" + n + "-" + base + ".xml");
        Files.write(file, BundleFile.write(signed, key));
        return file;
    }

    private static ExtendedProductId epid(int k) throws Exception {
        return ExtendedProductId.parse(String.format(Locale.ROOT, "03612-03308-000-%06d-03-1033-9200.0000-0242016", k));
    }

    /** A fresh gateway store pinning {@code lab}, closed again. */
    private static Path gateway(Appliance lab, Path work, String name) throws Exception {
        Path dir = work.resolve("gw-" + name);
        try (Appliance gw = Appliance.init(dir, ApplianceInfo.Role.GATEWAY, "bench gateway", ACTOR, Clock.systemUTC(),
                new Random(2), KeyService.prepare(Passphrase.of(PASSPHRASE), new SecureRandom()), d -> { })) {
            PublicKey labKey = lab.keys().publicKey();
            gw.enroll().pin(ApplianceInfo.Role.LAB, "bench lab", labKey, labKey.fingerprint(), ACTOR);
        }
        return dir;
    }

    private static Measured measure(Appliance lab, Path work, Path request, Duration latency, int parallel,
            String name) throws Exception {
        Path dir = gateway(lab, work, name);
        try (StandInActivationService service = StandInActivationService.start(0);
                Appliance gw = Appliance.open(dir, Clock.systemUTC())) {
            service.latency(latency);
            service.remainingOtherwise(500);
            BatchActivationConfig config = BatchActivationConfig.direct(service.endpoint(), Duration.ofSeconds(60), 3,
                    Sleeper.real()).withParallel(parallel);
            long t0 = System.nanoTime();
            GatewayResult r;
            try (Passphrase p = Passphrase.of(PASSPHRASE)) {
                r = gw.gateway().processOnline(request, work.resolve("stick-" + name), config, false, p, ACTOR,
                        GatewayListener.silent());
            }
            double s = (System.nanoTime() - t0) / 1e9;
            if (!r.complete()) {
                throw new IllegalStateException(name + ": not every record was answered: " + r);
            }
            Map<String, Integer> times = new HashMap<>();
            service.asked().stream().filter(a -> a.startsWith("1:")).forEach(a -> times.merge(a, 1, Integer::sum));
            int twice = (int) times.values().stream().filter(n -> n > 1).count();
            System.out.printf(Locale.ROOT, "%-10s %,5d records, %2d in flight: %6.1f s, %,d pairs asked, %d twice,"
                    + " at most %d at once%n", name, r.records(), parallel, s, times.size(), twice,
                    service.mostAtOnce());
            return new Measured(r.records(), parallel, s, times.size(), twice, r.confirmed(), service.mostAtOnce());
        }
    }

    /** The real command in a fresh JVM: {@code ./airlock gateway process REQUEST --parallel N}. */
    private static double command(Appliance lab, Path work, Path request, Duration latency, int parallel,
            Path launcher) throws Exception {
        Path dir = gateway(lab, work, "cli");
        try (StandInActivationService service = StandInActivationService.start(0)) {
            service.latency(latency);
            service.remainingOtherwise(500);
            ProcessBuilder pb = new ProcessBuilder(launcher.toAbsolutePath().toString(), "gateway", "process",
                    request.toString(), "--to", work.resolve("stick-cli").toString(), "--data", dir.toString(),
                    "--endpoint", service.endpoint().toString(), "--parallel", Integer.toString(parallel))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
            pb.environment().put("AIRLOCK_PASSPHRASE", PASSPHRASE);
            long t0 = System.nanoTime();
            Process p = pb.start();
            if (p.waitFor() != 0) {
                throw new IllegalStateException("./airlock gateway process exited " + p.exitValue());
            }
            double s = (System.nanoTime() - t0) / 1e9;
            long twice = service.asked().stream().filter(a -> a.startsWith("1:"))
                    .collect(Collectors.groupingBy(a -> a, Collectors.counting()))
                    .values().stream().filter(n -> n > 1).count();
            System.out.printf(Locale.ROOT, "cli        %,5d records, %2d in flight: %6.1f s (fresh JVM), %d twice%n",
                    service.spent().size(), parallel, s, twice);
            if (twice > 0) {
                throw new IllegalStateException("a pair was asked twice by the command");
            }
            return s;
        }
    }
}
