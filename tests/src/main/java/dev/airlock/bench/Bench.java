package dev.airlock.bench;

import dev.airlock.appliance.Appliance;
import dev.airlock.appliance.audit.Actor;
import dev.airlock.appliance.collect.IntakeOptions;
import dev.airlock.appliance.collect.IntakeSummary;
import dev.airlock.appliance.demo.DemoData;
import dev.airlock.appliance.inventory.StatusReport;
import dev.airlock.appliance.store.ApplianceInfo;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * Intake and status, each at two sizes beside its floor measured in the same run:
 * <ol>
 *   <li>intake of N demo collector files into an empty store (in-process, after a warm-up intake)
 *       vs Python's ElementTree parsing the same files (process start included);</li>
 *   <li>{@code airlock status} on a store of M machines (about 1.5 products each, every state,
 *       four groups): the real command in a fresh JVM, and in-process warm, vs the {@code sqlite3}
 *       CLI computing the same counts (process start included).</li>
 * </ol>
 * Usage: {@code Bench [--files N] [--machines M] [--launcher ./airlock]} (defaults 10,000 and
 * 70,000; the smaller sizes are a fifth and a half of them).
 */
public final class Bench {
    private static final Actor ACTOR = new Actor("bench");
    private static final String PARSE_ALL = String.join("\n",
            "import os, sys, xml.etree.ElementTree as ET",
            "n = 0",
            "for root, dirs, files in os.walk(sys.argv[1]):",
            "    for f in files:",
            "        if f.endswith('.xml'):",
            "            n += sum(1 for _ in ET.parse(os.path.join(root, f)).iter())",
            "print(n)");
    /** The counts {@code airlock status} shows, as the store computes them. */
    private static final String STATUS_SQL = String.join("\n",
            "SELECT appliance_id, role, display_name FROM appliance;",
            "SELECT count(*) FROM machine;",
            "SELECT COALESCE(g.name, ''), p.state, count(*) FROM product p JOIN machine m ON m.id = p.machine_id"
                    + " LEFT JOIN lab_group g ON g.id = m.group_id GROUP BY 1, 2 ORDER BY 1;",
            "SELECT COALESCE(g.name, ''), p.license_status, p.channel, count(*) FROM product p"
                    + " JOIN machine m ON m.id = p.machine_id LEFT JOIN lab_group g ON g.id = m.group_id"
                    + " WHERE p.state = 'NOT_NEEDED' GROUP BY 1, 2, 3 ORDER BY 1;",
            "SELECT count(*) FROM activation_saved;", "");

    private Bench() {}

    public static void main(String[] args) throws Exception {
        int files = 10_000;
        int machines = 70_000;
        Path launcher = Path.of("airlock");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--files" -> files = Integer.parseInt(args[++i]);
                case "--machines" -> machines = Integer.parseInt(args[++i]);
                case "--launcher" -> launcher = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        Path work = Files.createTempDirectory("airlock-bench");
        Figures figures = new Figures();
        try {
            intake(work, figures, files);
            status(work, figures, machines, launcher);
        } finally {
            deleteTree(work);
        }
        figures.print();
    }

    private static void intake(Path work, Figures figures, int files) throws Exception {
        Clock clock = Clock.systemUTC();
        // warm-up: the JIT, the XSD and the statements, as in a kiosk that has run for a while
        Path warm = work.resolve("warm-stick");
        new DemoData(clock).write(1_000, 1_000_000, warm, 1, n -> { });
        try (Appliance a = Appliance.init(work.resolve("warm-data"), ApplianceInfo.Role.LAB, "bench", ACTOR, clock,
                new Random(1))) {
            a.collect().ingest(List.of(warm), IntakeOptions.defaults(), ACTOR, o -> { });
        }
        int small = Math.max(1, files / 5);
        Figures.Row a = intakeRounds(work, figures, small, 1, 3, clock);
        Figures.Row b = intakeRounds(work, figures, files, 1 + small, 2, clock);
        System.out.println("  intake growth: " + Figures.growth(a, small, b, files));
    }

    /**
     * Rounds of floor then intake into a fresh store, the same files each round; the row takes the
     * median of each (the machine is shared: read the ratio), and a note gives the median CPU ratio.
     */
    private static Figures.Row intakeRounds(Path work, Figures figures, int files, int first, int rounds,
            Clock clock) throws Exception {
        Path stick = work.resolve("stick-" + files);
        new DemoData(clock).write(files, first, stick, 42 + first, n -> { });
        List<Double> floor = new ArrayList<>();
        List<Double> airlock = new ArrayList<>();
        List<Double> cpuRatio = new ArrayList<>();
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int round = 0; round < rounds; round++) {
            double childCpu0 = Figures.childCpuSeconds();
            floor.add(timed(() -> run(List.of("python3", "-c", PARSE_ALL, stick.toString()), null)));
            double floorCpu = Figures.childCpuSeconds() - childCpu0;
            IntakeSummary[] summary = new IntakeSummary[1];
            Path data = work.resolve("intake-" + files + "-" + round);
            try (Appliance app = Appliance.init(data, ApplianceInfo.Role.LAB, "bench", ACTOR, clock, new Random(2))) {
                long cpu0 = threads.getCurrentThreadCpuTime();
                airlock.add(timed(() -> summary[0] = app.collect().ingest(List.of(stick), IntakeOptions.defaults(),
                        ACTOR, o -> { })));
                cpuRatio.add((threads.getCurrentThreadCpuTime() - cpu0) / 1e9 / Math.max(floorCpu, 0.01));
            }
            deleteTree(data);
            if (summary[0].toString().indexOf(files + " accepted") != 0) {
                throw new IllegalStateException("intake did not accept every file: " + summary[0]);
            }
        }
        Figures.Row row = figures.add("intake into an empty store vs ElementTree", String.format(Locale.ROOT,
                "%,d files", files), median(airlock), median(floor), 5);
        System.out.printf(Locale.ROOT, "  (median of %d rounds; CPU time ratio %.2f×: this thread, SQLite"
                + " included, vs python3's user + sys)%n", rounds, median(cpuRatio));
        return row;
    }


    private static void status(Path work, Figures figures, int machines, Path launcher) throws Exception {
        int small = Math.max(1, machines / 2);
        Figures.Row[] a = statusOnce(work, figures, small, launcher);
        Figures.Row[] b = statusOnce(work, figures, machines, launcher);
        System.out.println("  status growth (in-process): " + Figures.growth(a[1], small, b[1], machines));
    }

    private static Figures.Row[] statusOnce(Path work, Figures figures, int machines, Path launcher)
            throws Exception {
        Clock clock = Clock.systemUTC();
        Path data = work.resolve("status-" + machines);
        Appliance.init(data, ApplianceInfo.Role.LAB, "bench", ACTOR, clock, new Random(3)).close();
        Path db = data.resolve("airlock.db");
        bulkLoad(work, db, machines);
        Path script = work.resolve("status.sql");
        Files.writeString(script, STATUS_SQL);
        List<Double> floor = new ArrayList<>();
        List<Double> cli = new ArrayList<>();
        List<Double> warm = new ArrayList<>();
        List<Double> version = new ArrayList<>();
        long products;
        try (Appliance app = Appliance.open(data, clock)) {
            StatusReport report = app.inventory().status();
            products = report.products();
            for (int round = 0; round < 7; round++) {
                floor.add(timed(() -> run(List.of("sqlite3", db.toString()), script)));
                if (Files.isExecutable(launcher)) {
                    double t = timed(() -> run(List.of(launcher.toAbsolutePath().toString(), "status", "--data",
                            data.toString()), null));
                    if (round > 0) {
                        cli.add(t); // round 0 may build the class-data archive
                        version.add(timed(() -> run(List.of(launcher.toAbsolutePath().toString(), "--version"), null)));
                    }
                }
                warm.add(timed(() -> {
                    app.inventory().status();
                    return app.inventory().activationsSaved();
                }));
            }
        }
        String size = String.format(Locale.ROOT, "%,d machines", machines);
        System.out.printf(Locale.ROOT, "  status store: %,d machines, %,d products%n", machines, products);
        Figures.Row c = cli.isEmpty() ? null : figures.add("status: ./airlock status (fresh JVM) vs sqlite3", size,
                median(cli), median(floor), 3);
        if (c != null) {
            System.out.printf(Locale.ROOT, "  (./airlock --version, the CLI's start-up alone: median %.0f ms; status"
                    + " beyond it: %.0f ms)%n", median(version) * 1000, (median(cli) - median(version)) * 1000);
        }
        Figures.Row w = figures.add("status: in-process (warm) vs sqlite3", size, median(warm), median(floor), 3);
        return new Figures.Row[] {c, w};
    }

    /**
     * Machines in four groups (one of them "no group"), one Windows product each and an Office product
     * on every other machine, cycling through every state; NOT_NEEDED ones are licensed or KMS clients.
     */
    private static void bulkLoad(Path work, Path db, int machines) throws Exception {
        String now = "'2026-01-01T00:00:00.000Z'";
        String states = "CASE (%s) % 9 WHEN 0 THEN 'COLLECTED' WHEN 1 THEN 'EXPORTED' WHEN 2 THEN 'CID_RECEIVED'"
                + " WHEN 3 THEN 'APPLIED' WHEN 4 THEN 'VERIFIED' WHEN 5 THEN 'REJECTED' WHEN 6 THEN 'REUSABLE'"
                + " WHEN 7 THEN 'APPLY_FAILED' ELSE 'NOT_NEEDED' END";
        String numbers = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " + machines + ")";
        Path script = work.resolve("load.sql");
        try (Writer w = Files.newBufferedWriter(script, StandardCharsets.UTF_8)) {
            w.write("BEGIN;\n");
            w.write("INSERT INTO lab_group (id, name, created_at) VALUES (1, 'Room A', " + now + "), (2, 'Room B', "
                    + now + "), (3, 'Room C', " + now + ");\n");
            w.write(numbers + " INSERT INTO machine (id, host_name, group_id, source, first_collected_at,"
                    + " last_collected_at) SELECT i, 'BENCH-PC-' || i, NULLIF(i % 4, 0), 'collector', " + now + ", "
                    + now + " FROM n;\n");
            for (String[] p : new String[][] {
                    {"73111121-5638-40f6-bc11-f1d7b0d64300", "55c92734-d682-4d71-983e-d6ec3f16059f", "windows",
                            "Windows(R), Enterprise edition", "i", "1"},
                    {"d450596f-894d-49e0-966a-fd39ed4c4c64", "0ff1ce15-a989-479d-af46-f275c6370663", "office",
                            "Office 21, Office21ProPlus2021VL_MAK_AE edition", "i + 4", "i % 2 = 0"}}) {
                w.write(numbers + " INSERT INTO product (machine_id, sku_id, application_id, product_class, name,"
                        + " partial_key, channel, epid, license_status, iid, state, state_changed_at, first_seen_at,"
                        + " last_seen_at) SELECT i, '" + p[0] + "', '" + p[1] + "', '" + p[2] + "', '" + p[3] + "',"
                        + " '6789B', CASE WHEN (" + p[4] + ") % 18 = 8 THEN 'Volume:GVLK' ELSE 'Volume:MAK' END,"
                        + " '03612-03308-000-000000-03-1033-9200.0000-0242016',"
                        + " CASE WHEN (" + p[4] + ") % 18 = 17 THEN 1 ELSE 5 END,"
                        + " printf('%063d', i * 2 + (" + p[4] + " <> i)), " + states.replace("%s", p[4]) + ", " + now
                        + ", " + now + ", " + now + " FROM n WHERE " + p[5] + ";\n");
            }
            w.write("COMMIT;\n");
        }
        run(List.of("sqlite3", "-bail", db.toString()), script);
    }

    private static Object run(List<String> cmd, Path input) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        if (input != null) {
            pb.redirectInput(input.toFile());
        }
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException(cmd.get(0) + " failed (exit " + p.exitValue() + "): " + out);
        }
        return out;
    }

    private static double timed(Callable<?> work) throws Exception {
        long t0 = System.nanoTime();
        work.call();
        return (System.nanoTime() - t0) / 1e9;
    }

    private static double median(List<Double> xs) {
        List<Double> s = xs.stream().sorted().toList();
        return s.get(s.size() / 2);
    }

    static void deleteTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
