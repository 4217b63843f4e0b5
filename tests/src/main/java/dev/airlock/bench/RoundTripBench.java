package dev.airlock.bench;

import dev.airlock.appliance.Appliance;
import dev.airlock.appliance.audit.Actor;
import dev.airlock.appliance.export.ExportOptions;
import dev.airlock.appliance.export.ExportResult;
import dev.airlock.appliance.keys.KeyService;
import dev.airlock.appliance.keys.Passphrase;
import dev.airlock.appliance.merge.MergeOutcome;
import dev.airlock.appliance.store.ApplianceInfo;
import dev.airlock.formats.bundle.BundleFile;
import dev.airlock.formats.bundle.Reference;
import dev.airlock.formats.bundle.RequestBundle;
import dev.airlock.formats.bundle.ResponseBundle;
import dev.airlock.formats.bundle.SignedBundle;
import dev.airlock.formats.ids.ConfirmationId;
import dev.airlock.formats.signature.SigningKey;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

/**
 * The round trip's figures, each beside the {@code sqlite3} CLI doing the raw part of the same
 * work in the same run:
 * <ol>
 *   <li>export + sign of N products to a stick folder (choose, build, sign, atomic write, read
 *       back, mark EXPORTED with the ledger rows) vs {@code sqlite3} dumping the same rows to a file;</li>
 *   <li>merge of N and of M returned CIDs (verify, check, one transaction per response) vs one
 *       {@code sqlite3} transaction that loads the same CIDs into a temp table and moves the rows with
 *       one {@code UPDATE … FROM} (the CSV is written before the clock starts); one table row each.</li>
 * </ol>
 * Products are bulk-loaded with {@code sqlite3} (valid identifiers, state COLLECTED).
 * Usage: {@code RoundTripBench [--export N] [--merge M]} (defaults 10,000 and 100,000).
 */
public final class RoundTripBench {
    private static final String PASSPHRASE = "bench passphrase 1234";
    private static final Actor ACTOR = new Actor("bench");

    private RoundTripBench() {}

    public static void main(String[] args) throws Exception {
        int exportN = 10_000;
        int mergeM = 100_000;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--export" -> exportN = Integer.parseInt(args[++i]);
                case "--merge" -> mergeM = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        Path work = Files.createTempDirectory("airlock-roundtrip-bench");
        try {
            run(work, exportN, mergeM);
        } finally {
            deleteTree(work);
        }
    }

    private static void run(Path work, int exportN, int mergeM) throws Exception {
        Clock clock = Clock.systemUTC();
        Path data = work.resolve("data");
        SecureRandom random = new SecureRandom();
        Appliance lab = Appliance.init(data, ApplianceInfo.Role.LAB, "bench", ACTOR, clock, new Random(1),
                KeyService.prepare(Passphrase.of(PASSPHRASE), random), d -> { });
        SigningKey gateway = SigningKey.generate(random);
        lab.enroll().pin(ApplianceInfo.Role.GATEWAY, "bench gateway", gateway.publicKey(),
                gateway.publicKey().fingerprint(), ACTOR);
        Path db = data.resolve("airlock.db");
        int total = 2 * exportN + mergeM;
        long l0 = System.nanoTime();
        bulkLoad(work, db, total);
        System.out.printf(Locale.ROOT, "bulk load (sqlite3):       %,d products in %.2f s%n", total, secs(l0,
                System.nanoTime()));

        // Warm-up: a small export and merge so the JIT and the caches are not what we measure.
        Path stick = Files.createDirectories(work.resolve("stick"));
        long unsealStart = System.nanoTime();
        try (Passphrase p = Passphrase.of(PASSPHRASE)) {
            lab.keys().checkPassphrase(p, ACTOR);
        }
        double unseal = secs(unsealStart, System.nanoTime());

        // Cold: the first export and merge in a fresh JVM (what one CLI run costs), then the measured, warm ones.
        long c0 = System.nanoTime();
        ExportResult cold;
        try (Passphrase p = Passphrase.of(PASSPHRASE)) {
            cold = lab.export().run(ExportOptions.to(stick).withLimit(exportN), p, ACTOR);
        }
        double coldExport = secs(c0, System.nanoTime());
        SignedBundle coldResponse = respond(BundleFile.read(cold.file()), gateway, random);
        long c1 = System.nanoTime();
        check(lab.merge().merge(coldResponse, "bench-cold", ACTOR), exportN);
        double coldMerge = secs(c1, System.nanoTime());
        System.out.printf(Locale.ROOT, "cold (first in this JVM):  export + sign %,d in %.3f s; merge %,d in %.3f s%n",
                exportN, coldExport, exportN, coldMerge);

        // 1. export + sign of exportN products
        long e0 = System.nanoTime();
        ExportResult first;
        try (Passphrase p = Passphrase.of(PASSPHRASE)) {
            first = lab.export().run(ExportOptions.to(stick).withLimit(exportN), p, ACTOR);
        }
        double export = secs(e0, System.nanoTime());
        Path dump = work.resolve("dump.csv");
        long d0 = System.nanoTime();
        sqlite(db, null, ".mode csv", ".output " + dump, "SELECT p.id, p.sku_id, p.application_id, p.name, p.epid,"
                + " p.iid FROM product p JOIN machine m ON m.id = p.machine_id WHERE p.state = 'EXPORTED'"
                + " ORDER BY m.host_name;");
        double dumpSecs = secs(d0, System.nanoTime());
        System.out.printf(Locale.ROOT, "export + sign:             %,d products in %.3f s (of which Argon2id unseal"
                + " ~%.3f s); file %,d bytes%n", first.products(), export, unseal, Files.size(first.file()));
        System.out.printf(Locale.ROOT, "sqlite3 dump, same rows:   %,d rows in %.3f s (process start included)%n",
                exportN, dumpSecs);
        System.out.printf(Locale.ROOT, "  ratio %.2f (without the fixed unseal: %.2f)%n", export / dumpSecs,
                (export - unseal) / dumpSecs);

        // 2a. merge of exportN CIDs
        SignedBundle request1 = BundleFile.read(first.file());
        SignedBundle response1 = respond(request1, gateway, random);
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpu0 = threads.getCurrentThreadCpuTime();
        long m0 = System.nanoTime();
        MergeOutcome o1 = lab.merge().merge(response1, "bench-1", ACTOR);
        double merge1 = secs(m0, System.nanoTime());
        double mergeCpu1 = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
        check(o1, exportN);
        double child0 = Figures.childCpuSeconds();
        double raw1 = rawUpdate(work, db, List.of(request1));
        double rawCpu1 = Figures.childCpuSeconds() - child0;
        Figures figures = new Figures();
        Figures.Row small = figures.add("merge (verify + one transaction) vs sqlite3", String.format(Locale.ROOT,
                "%,d CIDs", exportN), merge1, raw1, 2);
        Figures.cpuNote(mergeCpu1, rawCpu1);

        // 2b. merge of mergeM CIDs: exported in bundles of at most 20,000, merged one response after another
        List<SignedBundle> requests = new ArrayList<>();
        int left = mergeM;
        while (left > 0) {
            int n = Math.min(left, RequestBundle.MAX_RECORDS);
            try (Passphrase p = Passphrase.of(PASSPHRASE)) {
                requests.add(BundleFile.read(lab.export().run(ExportOptions.to(stick).withLimit(n), p, ACTOR)
                        .file()));
            }
            left -= n;
        }
        List<SignedBundle> responses = new ArrayList<>();
        for (SignedBundle r : requests) {
            responses.add(respond(r, gateway, random));
        }
        long cpu1 = threads.getCurrentThreadCpuTime();
        long b0 = System.nanoTime();
        int merged = 0;
        for (int i = 0; i < responses.size(); i++) {
            MergeOutcome o = lab.merge().merge(responses.get(i), "bench-" + (i + 2), ACTOR);
            merged += ((MergeOutcome.Merged) o).cids();
        }
        double mergeBig = secs(b0, System.nanoTime());
        double mergeCpuBig = (threads.getCurrentThreadCpuTime() - cpu1) / 1e9;
        double child1 = Figures.childCpuSeconds();
        double rawBig = rawUpdate(work, db, requests);
        double rawCpuBig = Figures.childCpuSeconds() - child1;
        Figures.Row large = figures.add("merge (verify + one transaction) vs sqlite3", String.format(Locale.ROOT,
                "%,d CIDs (%d files)", merged, responses.size()), mergeBig, rawBig, 2);
        Figures.cpuNote(mergeCpuBig, rawCpuBig);
        System.out.println("  merge growth: " + Figures.growth(small, exportN, large, merged));
        figures.print();
        lab.close();
    }

    private static void check(MergeOutcome o, int expected) {
        if (!(o instanceof MergeOutcome.Merged m) || m.cids() != expected) {
            throw new IllegalStateException("merge did not merge " + expected + " CIDs: " + o);
        }
    }

    private static SignedBundle respond(SignedBundle request, SigningKey gateway, SecureRandom random)
            throws Exception {
        Map<Reference, ResponseBundle.Outcome> outcomes = new HashMap<>();
        for (RequestBundle.Entry e : request.request().records()) {
            outcomes.put(e.ref(), new ResponseBundle.Confirmed(ConfirmationId.parse(String.format("%048d",
                    Integer.toUnsignedLong(e.ref().value())))));
        }
        return SignedBundle.sign(ResponseBundle.answering(request, gateway.publicKey().id(), java.time.Instant.now(),
                random, outcomes, List.of()), gateway);
    }

    /**
     * The floor: the same rows' CIDs loaded into a temp table ({@code .import} of a CSV file) and
     * moved with one {@code UPDATE … FROM}, in one {@code sqlite3} transaction.
     */
    private static double rawUpdate(Path work, Path db, List<SignedBundle> requests) throws Exception {
        Path csv = work.resolve("cids.csv");
        try (Writer w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            for (SignedBundle request : requests) {
                String id = request.request().id().toString();
                for (RequestBundle.Entry e : request.request().records()) {
                    w.write(id + "," + e.ref().value() + "," + String.format("%048d",
                            Integer.toUnsignedLong(e.ref().value())) + "\n");
                }
            }
        }
        Path script = work.resolve("update.sql");
        Files.writeString(script, "BEGIN;\nCREATE TEMP TABLE c (bundle_id TEXT NOT NULL, ref INTEGER NOT NULL,"
                + " cid TEXT NOT NULL, PRIMARY KEY (bundle_id, ref)) WITHOUT ROWID;\n"
                + ".import --csv --schema temp " + csv + " c\n"
                + "UPDATE product SET state = 'CID_RECEIVED', cid = c.cid, state_detail = 'raw',"
                + " state_changed_at = '2026-01-01T00:00:00.000Z' FROM outbound_reference r JOIN temp.c c"
                + " ON c.bundle_id = r.bundle_id AND c.ref = r.reference WHERE product.id = r.product_id;\nCOMMIT;\n");
        long t0 = System.nanoTime();
        sqlite(db, script);
        return secs(t0, System.nanoTime());
    }

    static void bulkLoad(Path work, Path db, int n) throws Exception {
        Path script = work.resolve("load.sql");
        String now = "2026-01-01T00:00:00.000Z";
        try (Writer w = Files.newBufferedWriter(script, StandardCharsets.UTF_8)) {
            w.write("BEGIN;\n");
            for (int i = 1; i <= n; i++) {
                w.write("INSERT INTO machine (id, host_name, source, first_collected_at, last_collected_at) VALUES ("
                        + i + ", 'BENCH-PC-" + i + "', 'collector', '" + now + "', '" + now + "');\n");
                w.write("INSERT INTO product (machine_id, sku_id, application_id, product_class, name, partial_key,"
                        + " channel, epid, license_status, iid, state, state_changed_at, first_seen_at, last_seen_at)"
                        + " VALUES (" + i + ", '73111121-5638-40f6-bc11-f1d7b0d64300',"
                        + " '55c92734-d682-4d71-983e-d6ec3f16059f', 'windows', 'Windows(R), Enterprise edition',"
                        + " '6789B', 'Volume:MAK', '03612-03308-000-000000-03-1033-9200.0000-0242016', 5, '"
                        + String.format("%063d", 1_000_000L + i) + "', 'COLLECTED', '" + now + "', '" + now + "', '"
                        + now + "');\n");
            }
            w.write("COMMIT;\n");
        }
        sqlite(db, script);
    }

    static void sqlite(Path db, Path script, String... commands) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("sqlite3", "-bail", db.toString()));
        cmd.addAll(List.of(commands));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        if (script != null) {
            pb.redirectInput(script.toFile());
        }
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("sqlite3 failed: " + out);
        }
    }

    private static double secs(long from, long to) {
        return (to - from) / 1e9;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
