package dev.airlock.bench;

import dev.airlock.appliance.Appliance;
import dev.airlock.appliance.audit.Actor;
import dev.airlock.appliance.export.ExportOptions;
import dev.airlock.appliance.export.ExportResult;
import dev.airlock.appliance.keys.KeyService;
import dev.airlock.appliance.keys.Passphrase;
import dev.airlock.appliance.keys.UnsealedKey;
import dev.airlock.appliance.store.ApplianceInfo;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

/**
 * The signer's figures (issue #13), each beside its floor measured in the same round, medians of
 * the rounds' ratios:
 * <ol>
 *   <li>export of N products in the kiosk's service path, the key unsealed for the session and the
 *       JVM warm, vs {@code sqlite3} dumping the same columns of the same rows plus writing and
 *       fsyncing the same bytes as the bundle (goal ≤ 3×);</li>
 *   <li>{@code ./airlock export --limit N} (a fresh JVM, the passphrase from the environment) vs
 *       that floor plus {@code java -version} (goal ≤ 10×); also with the full JIT tier forced;</li>
 *   <li>the cold unseal itself (one Argon2id derivation in a fresh JVM) on the quick tier and on
 *       the full tier.</li>
 * </ol>
 * Usage: {@code SignerBench [--sizes 1000,10000] [--rounds N] [--launcher ./airlock] [--java JAVA]};
 * {@code SignerBench --unseal-once DATA} is the fresh JVM of figure 3.
 */
public final class SignerBench {
    private static final String PASSPHRASE = "bench passphrase 1234";
    private static final Actor ACTOR = new Actor("bench");

    private SignerBench() {}

    public static void main(String[] args) throws Exception {
        List<Integer> sizes = List.of(1_000, 10_000);
        int rounds = 5;
        Path launcher = Path.of("airlock").toAbsolutePath();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--sizes" -> sizes = Stream.of(args[++i].split(",")).map(Integer::parseInt).toList();
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--launcher" -> launcher = Path.of(args[++i]).toAbsolutePath();
                case "--java" -> java = args[++i];
                case "--unseal-once" -> {
                    unsealOnce(Path.of(args[++i]));
                    return;
                }
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        Path work = Files.createTempDirectory("airlock-signer-bench");
        try {
            List<String> rows = run(work, sizes, rounds, launcher, java);
            System.out.println();
            System.out.println("| figure | size | Airlock | floor | ratio | goal |");
            System.out.println("|---|---|---|---|---|---|");
            rows.forEach(System.out::println);
        } finally {
            Bench.deleteTree(work);
        }
    }

    private static List<String> run(Path work, List<Integer> sizes, int rounds, Path launcher, String java)
            throws Exception {
        Clock clock = Clock.systemUTC();
        Path data = work.resolve("data");
        Appliance lab = Appliance.init(data, ApplianceInfo.Role.LAB, "bench", ACTOR, clock, new Random(1),
                KeyService.prepare(Passphrase.of(PASSPHRASE), new SecureRandom()), d -> { });
        Path db = data.resolve("airlock.db");
        int perSize = sizes.stream().mapToInt(Integer::intValue).sum();
        // service: one warm-up round and the measured ones; CLI: two tiers, plus one run that makes the archive
        int total = perSize * (rounds + 1) + perSize * rounds * 2 + 1;
        RoundTripBench.bulkLoad(work, db, total);
        List<String> rows = new ArrayList<>();

        // 1. the kiosk's service path: unlocked once (the supervisor's unlock), then warm exports
        UnsealedKey held;
        try (Passphrase p = Passphrase.of(PASSPHRASE)) {
            held = lab.keys().unseal(p, ACTOR);
        }
        Path stick = Files.createDirectories(work.resolve("stick"));
        for (int size : sizes) { // warm-up, not measured
            lab.export().run(ExportOptions.to(stick).withLimit(size), held, ACTOR);
        }
        for (int size : sizes) {
            List<Double> ratios = new ArrayList<>();
            List<Double> airlock = new ArrayList<>();
            List<Double> floors = new ArrayList<>();
            for (int r = 0; r < rounds; r++) {
                long t0 = System.nanoTime();
                ExportResult result = lab.export().run(ExportOptions.to(stick).withLimit(size), held, ACTOR);
                double a = secs(t0);
                check(result, size);
                double floor = floor(work, db, result.file(), size);
                airlock.add(a);
                floors.add(floor);
                ratios.add(a / floor);
            }
            rows.add(row("export in the kiosk's service path, unlocked, warm", size, airlock, floors, ratios,
                    "≤ 3×"));
        }
        held.seal();
        lab.close();

        // 2. ./airlock export from the CLI, fresh JVM each time; quick tier (the launcher's pick) and full tier forced
        if (Files.isExecutable(launcher)) {
            cli(launcher, data, stick, 1, Map.of()); // may build the class-data archive
            List<Double> version = new ArrayList<>();
            List<Double> javaOnly = new ArrayList<>();
            List<Double> versionRatios = new ArrayList<>();
            for (int r = 0; r < rounds; r++) {
                double j = javaVersion(java);
                double v = timed(List.of(launcher.toString(), "--version"), Map.of());
                javaOnly.add(j);
                version.add(v);
                versionRatios.add(v / j);
            }
            rows.add(row("./airlock --version vs java -version", 1, version, javaOnly, versionRatios, "—"));
            for (int size : sizes) {
                List<Double> full = new ArrayList<>();
                List<Double> quick = new ArrayList<>();
                List<Double> floors = new ArrayList<>();
                List<Double> fullRatios = new ArrayList<>();
                List<Double> quickRatios = new ArrayList<>();
                for (int r = 0; r < rounds; r++) {
                    Path file = newestBundle(stick);
                    double f = floor(work, db, file, size) + javaVersion(java);
                    double q = cli(launcher, data, stick, size, Map.of());
                    double a = cli(launcher, data, stick, size, Map.of("AIRLOCK_JAVA_OPTS", "-XX:TieredStopAtLevel=4"));
                    floors.add(f);
                    full.add(a);
                    quick.add(q);
                    fullRatios.add(a / f);
                    quickRatios.add(q / f);
                }
                rows.add(row("./airlock export (quick JIT tier, as the launcher runs it)", size, quick, floors,
                        quickRatios, "≤ 10×"));
                rows.add(row("./airlock export with the full tier forced", size, full, floors, fullRatios, "—"));
            }
        } else {
            rows.add("| ./airlock export | — | skipped: no executable " + launcher + " | | | |");
        }

        // 3. the cold unseal: one Argon2id derivation in a fresh JVM, quick tier vs full tier
        List<Double> quick = new ArrayList<>();
        List<Double> full = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            double q = unsealInFreshJvm(java, data, true);
            double f = unsealInFreshJvm(java, data, false);
            quick.add(q);
            full.add(f);
            ratios.add(q / f);
        }
        rows.add(row("cold unseal (Argon2id), quick tier vs full tier (floor)", 1, quick, full, ratios,
                "—"));
        return rows;
    }

    /** The floor of exporting {@code size} rows: sqlite3 dumps the same columns; the bundle's bytes written, fsynced. */
    private static double floor(Path work, Path db, Path bundle, int size) throws Exception {
        Path dump = work.resolve("dump.csv");
        byte[] bytes = Files.readAllBytes(bundle);
        long t0 = System.nanoTime();
        RoundTripBench.sqlite(db, null, ".mode csv", ".output " + dump, "SELECT p.id, p.sku_id, p.application_id,"
                + " p.name, p.epid, p.iid FROM product p JOIN machine m ON m.id = p.machine_id WHERE p.state ="
                + " 'COLLECTED' ORDER BY m.host_name LIMIT " + size + ";");
        Path copy = work.resolve("floor.xml");
        try (FileChannel ch = FileChannel.open(copy, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buf = ByteBuffer.wrap(bytes);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(true);
        }
        return secs(t0);
    }

    private static double cli(Path launcher, Path data, Path stick, int size, Map<String, String> env)
            throws Exception {
        return timed(List.of(launcher.toString(), "export", "--to", stick.toString(), "--limit", String.valueOf(size),
                "--data", data.toString()), env);
    }

    /** Wall time of one command (the passphrase in its environment); it must exit 0. */
    private static double timed(List<String> cmd, Map<String, String> env) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("AIRLOCK_PASSPHRASE", PASSPHRASE);
        pb.environment().putAll(env);
        long t0 = System.nanoTime();
        Process p = pb.start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + " exited " + p.exitValue());
        }
        return secs(t0);
    }

    private static double javaVersion(String java) throws Exception {
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(java, "-version").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        p.waitFor();
        return secs(t0);
    }

    private static double unsealInFreshJvm(String java, Path data, boolean quickTier) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(java, "-XX:+UseSerialGC"));
        if (quickTier) {
            cmd.add("-XX:TieredStopAtLevel=1");
        }
        cmd.addAll(List.of("--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                SignerBench.class.getName(), "--unseal-once", data.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("the unseal JVM failed: " + out);
        }
        return Double.parseDouble(out.substring(out.lastIndexOf('\n') + 1));
    }

    /** In a fresh JVM: opens the store and times one unseal (the derivation, the verifier, the key). */
    private static void unsealOnce(Path data) throws Exception {
        try (Appliance lab = Appliance.open(data, Clock.systemUTC())) {
            long t0 = System.nanoTime();
            try (Passphrase p = Passphrase.of(PASSPHRASE)) {
                lab.keys().unseal(p, ACTOR).seal();
            }
            System.out.println(secs(t0));
        }
    }

    private static Path newestBundle(Path stick) throws IOException {
        try (Stream<Path> files = Files.list(stick.resolve("AIRLOCK/outbound"))) {
            return files.filter(f -> f.toString().endsWith(".xml"))
                    .max(Comparator.comparing(f -> f.toFile().lastModified())).orElseThrow();
        }
    }

    private static void check(ExportResult r, int size) {
        if (r.products() != size) {
            throw new IllegalStateException("exported " + r.products() + " products, not " + size);
        }
    }

    private static String row(String figure, int size, List<Double> airlock, List<Double> floor, List<Double> ratios,
            String goal) {
        return String.format(Locale.ROOT, "| %s | %,d | %.3f s (%.1f µs/record) | %.3f s | %.2f× | %s |", figure,
                size, median(airlock), median(airlock) * 1e6 / size, median(floor), median(ratios), goal);
    }

    private static double median(List<Double> xs) {
        List<Double> s = xs.stream().sorted().toList();
        return s.get(s.size() / 2);
    }

    private static double secs(long from) {
        return (System.nanoTime() - from) / 1e9;
    }
}
