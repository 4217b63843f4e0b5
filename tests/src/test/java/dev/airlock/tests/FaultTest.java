package dev.airlock.tests;

import static dev.airlock.tests.Journey.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.airlock.appliance.Appliance;
import dev.airlock.appliance.export.ExportOptions;
import dev.airlock.appliance.export.ExportResult;
import dev.airlock.appliance.gateway.StandInBatchActivation;
import dev.airlock.appliance.keys.CheapKeys;
import dev.airlock.appliance.store.ApplianceInfo;
import dev.airlock.appliance.testing.RoundTripFixture;
import dev.airlock.appliance.testing.Samples;
import dev.airlock.appliance.testing.TmpfsMount;
import dev.airlock.formats.bundle.BundleFile;
import dev.airlock.formats.bundle.BundleKind;
import dev.airlock.formats.bundle.Reference;
import dev.airlock.formats.bundle.ResponseBundle;
import dev.airlock.formats.bundle.SignedBundle;
import dev.airlock.formats.signature.PublicKey;
import dev.airlock.formats.signature.SigningKey;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 4's faults through the real CLI: each ends with a clear message, nothing lost, and a
 * retry that finishes the job. Lab stores are made in-process (cheap key derivation, a pinned
 * test gateway key) and bulk-loaded with {@code sqlite3} where they must be large.
 */
class FaultTest {
    @TempDir
    Path tmp;

    private final ObjectMapper json = new ObjectMapper();

    private static final Map<String, String> ENV = Map.of("AIRLOCK_PASSPHRASE", RoundTripFixture.PASSPHRASE);
    private static final int BIG = 100_000;
    private static final int PER_BUNDLE = 20_000;

    // --- 1. kill -9 during a 100,000-record merge ------------------------------------------------

    @Test
    void importKilledMidMerge_leavesEachResponseMergedOrUntouched_andReimportCompletes() throws Exception {
        Path lab;
        Path stick;
        try (RoundTripFixture f = new RoundTripFixture(tmp)) {
            lab = f.dir.resolve("lab");
            stick = f.stick;
            bulkLoad(lab.resolve("airlock.db"), BIG);
            for (int i = 0; i < BIG / PER_BUNDLE; i++) {
                ExportResult r = f.export(ExportOptions.to(stick).withLimit(PER_BUNDLE));
                assertThat(r.products()).isEqualTo(PER_BUNDLE);
                f.write(f.respondAll(RoundTripFixture.read(r)), f.gateway);
            }
        }
        assertThat(count(lab, "EXPORTED")).isEqualTo(BIG);

        Path out = tmp.resolve("import.out");
        Path err = tmp.resolve("import.err");
        Process p = start(Cli.command(lab, "import", stick.toString()), out, err);
        Path wal = lab.resolve("airlock.db-wal");
        Pattern merged = Pattern.compile("(?m)^merged ");
        Await.until("the first response to merge", Duration.ofSeconds(90), () -> {
            assertThat(p.isAlive()).as("import ended before the first response merged: " + Files.readString(out)
                    + Files.readString(err)).isTrue();
            return merged.matcher(Files.readString(out)).find();
        });
        // The first response is committed; wait (up to 2 s) until the next transaction writes pages, then kill -9.
        long walSize = Files.size(wal);
        long walTime = Files.getLastModifiedTime(wal).toMillis();
        Await.within(Duration.ofSeconds(2), () -> Files.size(wal) != walSize
                || Files.getLastModifiedTime(wal).toMillis() != walTime);
        assertThat(p.isAlive()).as("import still running when killed").isTrue();
        p.destroyForcibly(); // SIGKILL
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(137);
        System.out.println("import killed after: " + Files.readString(out).strip());

        // Each response (one transaction) is either fully merged or untouched.
        assertThat(sqlite(lab, "PRAGMA integrity_check;").strip()).isEqualTo("ok");
        int received = count(lab, "CID_RECEIVED");
        assertThat(received % PER_BUNDLE).as("CID_RECEIVED after the kill: " + received).isZero();
        assertThat(count(lab, "EXPORTED")).isEqualTo(BIG - received);
        assertThat(sqlite(lab, "SELECT r.bundle_id FROM outbound_reference r JOIN product p ON p.id = r.product_id"
                + " GROUP BY r.bundle_id HAVING COUNT(DISTINCT p.state) > 1;").strip())
                .as("requests with products in mixed states").isEmpty();
        assertThat(Integer.parseInt(sqlite(lab, "SELECT count(*) FROM inbound_bundle;").strip()))
                .isEqualTo(received / PER_BUNDLE);
        ok(airlock(lab, "audit", "verify"));

        // The retry completes.
        Cli.Run again = airlock(lab, "import", stick.toString());
        ok(again);
        assertThat(again.out()).contains("merged");
        assertThat(again.out()).contains(BIG / PER_BUNDLE + " inputs: " + (BIG - received) / PER_BUNDLE + " merged, "
                + received / PER_BUNDLE + " already merged, 0 refused");
        assertThat(count(lab, "CID_RECEIVED")).isEqualTo(BIG);
        assertThat(count(lab, "EXPORTED")).isZero();
        ok(airlock(lab, "audit", "verify"));
    }

    // --- 2. a full stick, a read-only stick ------------------------------------------------------

    @Test
    void exportToFullStick_failsClearly_marksNothing_leavesNoFile_andRetryFinishes() throws Exception {
        Path lab = labWithCollected(tmp.resolve("f"), 40);
        Path mnt = Files.createDirectories(tmp.resolve("full"));
        try (TmpfsMount stick = TmpfsMount.mount(mnt, "256k")) {
            Files.createDirectories(mnt.resolve("AIRLOCK/outbound"));
            Path filler = fill(mnt.resolve("filler.bin"));
            JsonNode before = status(lab);

            Cli.Run r = airlock(lab, "export", "--to", mnt.toString());
            assertThat(r.exit()).as(r.all()).isNotZero();
            System.out.println("full stick: " + r.err().strip());
            assertThat(r.err()).containsIgnoringCase("no space left");
            assertThat(r.err()).contains("nothing was exported");
            assertNothingExported(lab, before, mnt, 40);

            Files.delete(filler); // make room, plug the same stick in again
            exportFinishes(lab, mnt, 40);
        }
    }

    @Test
    void exportToReadOnlyStick_failsClearly_marksNothing_leavesNoFile_andRetryFinishes() throws Exception {
        Path lab = labWithCollected(tmp.resolve("f"), 40);
        Path image = tmp.resolve("stick.img");
        Path mnt = Files.createDirectories(tmp.resolve("stick"));
        mkfs(image, 33);
        check(Cli.run(List.of("fusefat", "-o", "ro", image.toString(), mnt.toString()), Map.of(), null), "fusefat");
        try {
            JsonNode before = status(lab);
            Cli.Run r = airlock(lab, "export", "--to", mnt.toString());
            assertThat(r.exit()).as(r.all()).isNotZero();
            System.out.println("read-only stick: " + r.err().strip());
            assertThat(r.err()).containsIgnoringCase("read-only");
            assertThat(r.err()).contains("nothing was exported");
            assertNothingExported(lab, before, mnt, 40);
        } finally {
            unmountFuse(mnt, image);
        }
        check(Cli.run(List.of("fusefat", "-o", "rw+", image.toString(), mnt.toString()), Map.of(), null), "fusefat");
        try {
            exportFinishes(lab, mnt, 40);
        } finally {
            unmountFuse(mnt, image);
        }
    }

    @Test
    void exportToTmpfsRemountedReadOnly_failsClearly_marksNothing_andRetryFinishes() throws Exception {
        Path lab = labWithCollected(tmp.resolve("f"), 10);
        Path mnt = Files.createDirectories(tmp.resolve("ro"));
        try (TmpfsMount stick = TmpfsMount.mount(mnt, "4m")) {
            Files.createDirectories(mnt.resolve("AIRLOCK/outbound"));
            stick.readOnly();
            JsonNode before = status(lab);
            Cli.Run r = airlock(lab, "export", "--to", mnt.toString());
            assertThat(r.exit()).as(r.all()).isNotZero();
            System.out.println("read-only stick: " + r.err().strip());
            assertThat(r.err()).containsIgnoringCase("read-only");
            assertNothingExported(lab, before, mnt, 10);
            stick.readWrite();
            exportFinishes(lab, mnt, 10);
        }
    }

    // --- 3. the stick pulled (or the process killed) in the middle of a write ---------------------

    @Test
    void exportKilledMidWriteOnStick_leavesOnlyATempName_marksNothing_andRetryFinishes() throws Exception {
        Path lab = bigLab(PER_BUNDLE);
        Path image = tmp.resolve("stick.img");
        Path mnt = Files.createDirectories(tmp.resolve("stick"));
        mkfs(image, 64);
        check(Cli.run(List.of("fusefat", "-o", "rw+", image.toString(), mnt.toString()), Map.of(), null), "fusefat");
        try {
            JsonNode before = status(lab);
            Process p = start(Cli.command(lab, "export", "--to", mnt.toString()), tmp.resolve("x.out"), tmp.resolve("x.err"));
            waitForTempFile(p, mnt.resolve("AIRLOCK/outbound"));
            p.destroyForcibly(); // SIGKILL while the bundle is being written
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            replug(mnt, image);
            if (bundleCompleteAndExported(lab, before, mnt)) {
                System.out.println("export killed only after it had finished: nothing to retry");
                return;
            }
            nothingToImport(lab, mnt);
            exportFinishes(lab, mnt, PER_BUNDLE);
        } finally {
            unmountFuse(mnt, image);
        }
    }

    @Test
    void stickUnmountedMidWrite_exportFailsClearly_marksNothing_andRetryFinishes() throws Exception {
        Path lab = bigLab(PER_BUNDLE);
        Path image = tmp.resolve("stick.img");
        Path mnt = Files.createDirectories(tmp.resolve("stick"));
        mkfs(image, 64);
        check(Cli.run(List.of("fusefat", "-o", "rw+", image.toString(), mnt.toString()), Map.of(), null), "fusefat");
        JsonNode before = status(lab);
        Path out = tmp.resolve("x.out");
        Path err = tmp.resolve("x.err");
        Process p = start(Cli.command(lab, "export", "--to", mnt.toString()), out, err);
        waitForTempFile(p, mnt.resolve("AIRLOCK/outbound"));
        // Pulled: a lazy unmount detaches the folder at once; the open file is still flushed into the image.
        check(Cli.run(List.of("fusermount", "-u", "-z", mnt.toString()), Map.of(), null), "fusermount -u -z");
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String said = Files.readString(out) + Files.readString(err);
        // pulled between the commit and the rename: recorded, and the next export puts the temp copy in place
        boolean unfinished = said.contains("is recorded and its products are EXPORTED");
        boolean failed = p.exitValue() != 0 && !unfinished;
        if (unfinished) {
            System.out.println("stick pulled between the commit and the rename: " + said.strip());
        } else if (failed) {
            System.out.println("stick pulled mid-write: " + said.strip());
            assertThat(said).contains("writing to the stick at ").contains("nothing was exported");
            assertThat(status(lab).get("byState")).isEqualTo(before.get("byState"));
        } else {
            // The pull came after the bundle was written, synced, renamed and read back: a finished export.
            System.out.println("stick pulled only after the export had finished: " + said.strip());
        }
        waitForFuseGone(image);
        check(Cli.run(List.of("fusefat", "-o", "rw+", image.toString(), mnt.toString()), Map.of(), null), "fusefat");
        try {
            assertThat(bundleCompleteAndExported(lab, before, mnt)).isEqualTo(!failed);
            if (failed) {
                nothingToImport(lab, mnt);
                exportFinishes(lab, mnt, PER_BUNDLE);
            }
        } finally {
            unmountFuse(mnt, image);
        }
    }

    /**
     * All or nothing after an interrupted export: either the products are EXPORTED and the stick holds
     * the complete, verifying bundle (true), or nothing is marked and the stick holds temp names only (false).
     */
    private boolean bundleCompleteAndExported(Path lab, JsonNode before, Path stick) throws Exception {
        JsonNode after = status(lab);
        List<Path> bundles = files(stick.resolve("AIRLOCK/outbound")).stream()
                .filter(f -> !f.getFileName().toString().startsWith(".")).toList();
        int exported = after.get("byState").path("EXPORTED").asInt();
        if (exported == 0) {
            assertThat(after.get("byState")).isEqualTo(before.get("byState"));
            assertThat(Integer.parseInt(sqlite(lab, "SELECT count(*) FROM outbound_bundle;").strip())).isZero();
            // The file takes its final name only after the commit: nothing unrecorded under a final name.
            assertThat(bundles).as("no request the ledger does not hold").isEmpty();
            return false;
        }
        assertThat(exported).isEqualTo(PER_BUNDLE);
        if (bundles.isEmpty()) {
            // killed between the commit and the rename: the next export puts the recorded temp copy in place
            Cli.Run sweep = airlock(lab, "export", "--to", stick.toString());
            assertThat(sweep.all()).as(sweep.all()).contains("finished request");
            System.out.println("export stopped between its commit and its rename; the next one: " + sweep.all().strip());
            bundles = files(stick.resolve("AIRLOCK/outbound")).stream()
                    .filter(f -> !f.getFileName().toString().startsWith(".")).toList();
        }
        assertThat(bundles).hasSize(1);
        SignedBundle b = BundleFile.read(bundles.get(0));
        assertThat(b.request().records()).hasSize(PER_BUNDLE);
        assertThat(sqlite(lab, "SELECT id FROM outbound_bundle;").strip()).isEqualTo(b.request().id().toString());
        return true;
    }

    /**
     * kill -9 of {@code export} at every step, 30 times: before anything is written, while the temp copy
     * is written and read back, between the commit and the rename, after the rename. Each kill must leave
     * no orphan (a request under its final name that the ledger does not hold); the next export sweeps
     * what the kill left (deletes an unrecorded temp copy, puts a recorded one in place) and says so.
     */
    @Test
    void exportKilledAtEachStep30Times_leavesNoOrphanRequest_andTheNextExportSweepsWhatWasLeft() throws Exception {
        int perExport = 1500;
        int kills = 30;
        Path lab = bigLab(perExport * (kills + 3));
        Path image = tmp.resolve("stick.img");
        Path mnt = Files.createDirectories(tmp.resolve("stick"));
        mkfs(image, 256);
        check(Cli.run(List.of("fusefat", "-o", "rw+", image.toString(), mnt.toString()), Map.of(), null), "fusefat");
        Path outbound = mnt.resolve("AIRLOCK/outbound");
        try {
            // Calibration: when the temp copy appears after the start, and how long the export runs on from there.
            long start = System.nanoTime();
            Process cal = start(Cli.command(lab, "export", "--to", mnt.toString(), "--limit",
                    String.valueOf(perExport)), tmp.resolve("k.out"), tmp.resolve("k.err"));
            boolean sawTemp = awaitNewTemp(cal, outbound, Set.of());
            long tempAt = System.nanoTime() - start;
            assertThat(cal.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(cal.exitValue()).as(Files.readString(tmp.resolve("k.err"))).isZero();
            long window = System.nanoTime() - start - tempAt;
            assertThat(sawTemp).as("the calibration export's temp copy was seen").isTrue();
            Map<String, Integer> outcomes = new java.util.TreeMap<>();
            int orphans = 0;
            int sweptLines = 0;
            int afterTemp = kills / 2;
            int j = 0;
            for (int i = 0; i < kills; i++) {
                // Step 0: the previous kill's leftovers are swept by this export (its output says so).
                Set<String> recordedBefore = ledgerIds(lab);
                Set<String> tempsBefore = tempNames(outbound);
                Process p = start(Cli.command(lab, "export", "--to", mnt.toString(), "--limit",
                        String.valueOf(perExport)), tmp.resolve("k.out"), tmp.resolve("k.err"));
                boolean finished;
                if (i % 6 == 0) {
                    // before anything is written: during start-up, the sweep, building and signing
                    finished = p.waitFor((long) (tempAt * (0.4 + 0.1 * (i / 6))), TimeUnit.NANOSECONDS);
                } else if (i % 6 <= 3) {
                    // from the moment the temp copy appears: writing, read-back, the commit
                    awaitNewTemp(p, outbound, tempsBefore);
                    long offset = (long) (window * 0.9 * j++ / Math.max(1, afterTemp - 1));
                    finished = p.waitFor(offset, TimeUnit.NANOSECONDS);
                } else {
                    // the moment the commit shows in the store: between the commit and the rename, or just after
                    finished = !awaitNewLedgerRow(p, lab, recordedBefore.size());
                }
                if (!finished) {
                    p.destroyForcibly(); // SIGKILL
                    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
                }
                sweptLines += (int) Files.readAllLines(tmp.resolve("k.out")).stream()
                        .filter(l -> l.startsWith("Stick: ")).count();
                Set<String> recorded = ledgerIds(lab);
                Set<String> named = new HashSet<>();
                Set<String> temps = new HashSet<>();
                for (Path f : files(outbound)) {
                    String name = f.getFileName().toString();
                    Optional<String> id = requestId(f);
                    if (name.startsWith(".") && name.endsWith(".tmp")) {
                        temps.add(id.orElse("partial " + name));
                    } else if (name.startsWith("airlock-request-")) {
                        named.add(id.orElseThrow(() -> new AssertionError("a broken request under its name: " + f)));
                    }
                }
                Set<String> orphaned = new HashSet<>(named);
                orphaned.removeAll(recorded);
                orphans += orphaned.size();
                assertThat(orphaned).as("requests on the stick the ledger does not hold, after kill " + (i + 1))
                        .isEmpty();
                Set<String> fresh = new HashSet<>(recorded);
                fresh.removeAll(recordedBefore);
                String outcome;
                if (finished) {
                    outcome = "finished before the kill";
                } else if (fresh.isEmpty()) {
                    outcome = temps.isEmpty() ? "killed before writing: nothing on the stick"
                            : "killed while the temp copy was written or read back: temp only, unrecorded";
                } else {
                    String id = fresh.iterator().next();
                    outcome = named.contains(id) ? "killed after the rename: recorded and named"
                            : "killed between commit and rename: recorded, temp copy waits";
                    assertThat(named.contains(id) || temps.contains(id)).as("recorded request " + id
                            + " has its file or its temp copy").isTrue();
                }
                outcomes.merge(outcome, 1, Integer::sum);
            }
            // The last sweep: no temp copy stays, and every recorded request has its file.
            Cli.Run last = airlock(lab, "export", "--to", mnt.toString(), "--limit", String.valueOf(perExport));
            ok(last);
            sweptLines += (int) last.out().lines().filter(l -> l.startsWith("Stick: ")).count();
            Set<String> named = new HashSet<>();
            for (Path f : files(outbound)) {
                assertThat(f.getFileName().toString()).as("no temp copy left after the sweep").doesNotStartWith(".");
                named.add(requestId(f).orElseThrow());
            }
            assertThat(named).as("every request on the stick is one the lab knows, and every one it knows is there")
                    .isEqualTo(ledgerIds(lab));
            System.out.println("export killed " + kills + " times: " + outcomes + "; orphan requests: " + orphans
                    + "; lines the sweeps printed: " + sweptLines + "; requests on the stick, all known: "
                    + named.size());
            assertThat(orphans).isZero();
        } finally {
            unmountFuse(mnt, image);
        }
    }

    /** Waits until the store holds more than {@code before} requests; false when {@code p} ended first. */
    private static boolean awaitNewLedgerRow(Process p, Path lab, int before) throws Exception {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:"
                + lab.resolve("airlock.db")); java.sql.Statement st = c.createStatement()) {
            boolean[] seen = {false};
            Await.until("a new request in the ledger", Duration.ofSeconds(120), () -> {
                try (java.sql.ResultSet rs = st.executeQuery("SELECT count(*) FROM outbound_bundle")) {
                    seen[0] = rs.next() && rs.getInt(1) > before;
                } catch (java.sql.SQLException busy) {
                    // the writer holds the lock for a moment: look again
                }
                return seen[0] || !p.isAlive();
            });
            return seen[0];
        }
    }

    /** Temp names in {@code dir} now. */
    private static Set<String> tempNames(Path dir) throws IOException {
        Set<String> names = new HashSet<>();
        for (Path f : files(dir)) {
            String n = f.getFileName().toString();
            if (n.startsWith(".") && n.endsWith(".tmp")) {
                names.add(n);
            }
        }
        return names;
    }

    /** Waits until a temp name not in {@code before} is in {@code dir}; false when {@code p} ended first. */
    private static boolean awaitNewTemp(Process p, Path dir, Set<String> before) throws Exception {
        boolean[] seen = {false};
        Await.until("a temp copy in " + dir, Duration.ofSeconds(120), () -> {
            Set<String> now = tempNames(dir);
            now.removeAll(before);
            seen[0] = !now.isEmpty();
            return seen[0] || !p.isAlive();
        });
        return seen[0];
    }

    private static Set<String> ledgerIds(Path lab) throws Exception {
        return new HashSet<>(sqlite(lab, "SELECT id FROM outbound_bundle;").lines().map(String::strip)
                .filter(l -> !l.isEmpty()).toList());
    }

    private static Optional<String> requestId(Path file) {
        try {
            return Optional.of(BundleFile.read(file).request().id().toString());
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    /** A backup onto a stick without room for it: says how much it needs, exit 1, and leaves no file, whole or partial. */
    @Test
    void backupToAFullStick_saysHowMuchRoomItNeeds_exit1_andLeavesNoFile() throws Exception {
        Path lab = bigLab(20_000);
        long db = Files.size(lab.resolve("airlock.db"));
        // a tmpfs that is too small
        Path small = Files.createDirectories(tmp.resolve("small"));
        try (TmpfsMount stick = TmpfsMount.mount(small, "1m")) {
            assertBackupRefusedForRoom(lab, small, db);
        }
        // a real vfat stick, filled up
        Path image = tmp.resolve("backup-stick.img");
        Path mnt = Files.createDirectories(tmp.resolve("backup-stick"));
        mkfs(image, 33);
        check(Cli.run(List.of("fusefat", "-o", "rw+", image.toString(), mnt.toString()), Map.of(), null), "fusefat");
        try {
            Path filler = fill(mnt.resolve("filler.bin"));
            assertBackupRefusedForRoom(lab, mnt, db);
            Files.delete(filler); // room again: the same stick takes it
            Cli.Run again = airlock(lab, "backup", "--to", mnt.toString());
            ok(again);
            assertThat(files(mnt.resolve("AIRLOCK/backup"))).hasSize(1);
        } finally {
            unmountFuse(mnt, image);
        }
    }

    private static void assertBackupRefusedForRoom(Path lab, Path stick, long dbBytes) throws Exception {
        Cli.Run r = airlock(lab, "backup", "--to", stick.toString());
        System.out.println("backup to a full stick (" + stick.getFileName() + "): " + r.err().strip());
        assertThat(r.exit()).as(r.all()).isEqualTo(1);
        assertThat(r.err()).containsPattern("has [0-9.]+ MB free, but the backup needs about [0-9.]+ MB")
                .contains("nothing was written").doesNotContain("Exception");
        List<Path> left = files(stick.resolve("AIRLOCK/backup"));
        assertThat(left).as("no backup file, whole or partial").isEmpty();
        assertThat(dbBytes).isPositive();
    }

    // --- 4. the import side: refused inputs change nothing --------------------------------------

    @Test
    void tamperedForeignWrongDigestAndUnknownRequestResponses_areRefused_andReplayChangesNothing()
            throws Exception {
        Path lab;
        Path in = Files.createDirectories(tmp.resolve("in"));
        Map<String, Path> bad = new java.util.LinkedHashMap<>();
        Path good;
        try (RoundTripFixture f = new RoundTripFixture(tmp.resolve("f"));
                RoundTripFixture other = new RoundTripFixture(tmp.resolve("other"))) {
            lab = f.dir.resolve("lab");
            f.addProducts(1, 10, "6789B");
            SignedBundle reqA = RoundTripFixture.read(f.export(ExportOptions.to(f.stick).withLimit(5)));
            SignedBundle reqB = RoundTripFixture.read(f.export(ExportOptions.to(f.stick).withLimit(5)));
            SignedBundle answer = f.respondAll(reqA);
            good = write(in.resolve("good"), answer, f.gateway.publicKey());

            bad.put("tampered", tamper(write(in.resolve("tampered"), f.respondAll(reqA), f.gateway.publicKey())));

            SigningKey stranger = SigningKey.generate(new SecureRandom());
            SignedBundle foreign = f.respond(reqA, RoundTripFixture.references(reqA),
                    r -> new ResponseBundle.Confirmed(RoundTripFixture.cid(r)), List.of(), stranger);
            bad.put("not pinned", write(in.resolve("foreign"), foreign, stranger.publicKey()));

            // Answers request A by id but binds request B's digest.
            Map<Reference, ResponseBundle.Outcome> outcomes = new HashMap<>();
            RoundTripFixture.references(reqA).forEach(r -> outcomes.put(r,
                    new ResponseBundle.Confirmed(RoundTripFixture.cid(r))));
            byte[] payload = SignedBundle.sign(ResponseBundle.answering(reqA, f.gateway.publicKey().id(), Samples.NOW,
                    new SecureRandom(), outcomes, List.of()), f.gateway).payload();
            int at = indexOf(payload, reqA.digest());
            assertThat(at).as("request digest inside the response payload").isNotNegative();
            System.arraycopy(reqB.digest(), 0, payload, at, reqB.digest().length);
            SignedBundle wrongDigest = SignedBundle.sign(BundleKind.RESPONSE, payload, f.gateway);
            bad.put("does not match our request", write(in.resolve("digest"), wrongDigest, f.gateway.publicKey()));

            // Another lab's request, answered by the gateway pinned here.
            other.addProducts(100, 3, "6789B");
            SignedBundle theirs = RoundTripFixture.read(other.export(ExportOptions.to(other.stick)));
            bad.put("never made", write(in.resolve("unknown"), f.respondAll(theirs), f.gateway.publicKey()));
        }

        String untouched = snapshot(lab);
        for (Map.Entry<String, Path> e : bad.entrySet()) {
            Cli.Run r = airlock(lab, "import", e.getValue().toString());
            System.out.println(e.getKey() + ": " + r.out().strip());
            assertThat(r.exit()).as(e.getKey() + ": " + r.all()).isEqualTo(1);
            assertThat(r.out()).as(e.getKey()).contains("refused").contains(e.getKey());
            assertThat(snapshot(lab)).as(e.getKey() + " changed nothing").isEqualTo(untouched);
        }

        Cli.Run merged = airlock(lab, "import", good.toString());
        ok(merged);
        assertThat(merged.out()).contains("merged").contains("5 CIDs received");
        assertThat(count(lab, "CID_RECEIVED")).isEqualTo(5);
        String before = snapshot(lab);
        Cli.Run replay = airlock(lab, "import", good.toString());
        ok(replay);
        assertThat(replay.out()).contains("already merged").contains("nothing changed");
        assertThat(snapshot(lab)).isEqualTo(before);
        ok(airlock(lab, "audit", "verify"));
    }

    // --- 5. the gateway: errors, 500s, garbage, time-outs ---------------------------------------

    @Test
    void gatewayHttp500_stopsClearly_keepsObtainedCids_andRetrySpendsNothingTwice() throws Exception {
        gatewayFaultThenRetry(StandInBatchActivation.Mode.HTTP_500, false);
    }

    @Test
    void gatewayGarbageAnswer_leavesRecordInFlight_andResendFinishesWithoutSpendingTwice() throws Exception {
        gatewayFaultThenRetry(StandInBatchActivation.Mode.MALFORMED, true);
    }

    @Test
    void gatewayTimeout_leavesRecordInFlight_andResendFinishesWithoutSpendingTwice() throws Exception {
        gatewayFaultThenRetry(StandInBatchActivation.Mode.SILENT, true);
    }

    @Test
    void gatewayAnswerBrokenMidway_leavesThatRecordInFlight_namingWhatHappened_andResendFinishesIt()
            throws Exception {
        int records = 6;
        Path gw = tmp.resolve("gw");
        Path request = gatewayWithRequest(gw, records);
        Path out = Files.createDirectories(tmp.resolve("out"));
        try (StandInBatchActivation microsoft = StandInBatchActivation.start()) {
            microsoft.network(StandInBatchActivation.Network.CLOSE_AFTER_ANSWER);
            microsoft.behaveAfter(2, StandInBatchActivation.Mode.BREAK_MID_ANSWER, 1);
            Cli.Run failed = process(gw, request, out, microsoft, false);
            System.out.println("BREAK_MID_ANSWER: " + failed.err().strip());
            assertThat(failed.exit()).as(failed.all()).isEqualTo(1);
            assertThat(failed.err()).startsWith("airlock: ").contains("broke in the middle of the answer")
                    .contains("the record stays in flight").contains("--resend-in-flight")
                    .doesNotContain("Exception").doesNotContain("java.");
            assertThat(failed.out()).contains("2 CIDs").contains("1 in flight").contains("Partial response written");
            // the service processed the broken one: 3 spent, and it is not asked again by itself
            assertThat(microsoft.spent()).hasSize(3);
            Cli.Run retry = process(gw, request, out, microsoft, false);
            assertThat(retry.exit()).as(retry.all()).isEqualTo(1);
            assertThat(retry.out()).contains("1 in flight");
            assertThat(microsoft.spent()).hasSize(records);
            assertThat(new HashSet<>(microsoft.spent())).hasSize(records);
            Cli.Run resend = process(gw, request, out, microsoft, true);
            ok(resend);
            assertThat(resend.out()).contains(records + " CIDs").contains("Response written");
            assertThat(microsoft.spent()).hasSize(records + 1); // the operator's word asked the broken one again
        }
    }

    @Test
    void gatewayConnectionRefused_exit1_saysRefused_andNothingWasSpent() throws Exception {
        Path gw = tmp.resolve("gw");
        Path request = gatewayWithRequest(gw, 2);
        Path out = Files.createDirectories(tmp.resolve("out"));
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Cli.Run r = airlock(gw, "gateway", "process", request.toString(), "--to", out.toString(), "--endpoint",
                "http://127.0.0.1:" + port + "/BatchActivation/BatchActivation.asmx", "--set", "gateway.retries=1",
                "--set", "gateway.retry-backoff-ms=10");
        assertThat(r.exit()).as(r.all()).isEqualTo(1);
        assertThat(r.err()).contains("cannot connect to BatchActivation at 127.0.0.1:" + port
                + " (connection refused) (tried 2 times)").contains("nothing was spent, run the same command again");
        assertThat(r.out()).contains("0 in flight").contains("No response written");
    }

    private void gatewayFaultThenRetry(StandInBatchActivation.Mode mode, boolean inFlight) throws Exception {
        int records = 6;
        int first = 2;
        Path gw = tmp.resolve("gw");
        Path request = gatewayWithRequest(gw, records);
        Path out = Files.createDirectories(tmp.resolve("out"));
        try (StandInBatchActivation microsoft = StandInBatchActivation.start()) {
            microsoft.behaveAfter(first, mode, 1_000);
            Cli.Run failed = process(gw, request, out, microsoft, false);
            System.out.println(mode + ": " + failed.err().strip());
            assertThat(failed.exit()).as(failed.all()).isEqualTo(1);
            assertThat(failed.err()).startsWith("airlock: ");
            assertThat(failed.err()).contains(inFlight ? "--resend-in-flight" : "nothing was spent");
            assertThat(failed.out()).contains(first + " CIDs").contains("Partial response written");
            assertThat(microsoft.spent()).hasSize(first);

            microsoft.behave(StandInBatchActivation.Mode.ANSWER, 0);
            Cli.Run retry = process(gw, request, out, microsoft, false);
            if (inFlight) {
                // The record that may have been processed is not asked again without the operator's word.
                assertThat(retry.exit()).as(retry.all()).isEqualTo(1);
                assertThat(retry.out()).contains("1 in flight").contains("--resend-in-flight");
                assertThat(microsoft.spent()).hasSize(records - 1);
                retry = process(gw, request, out, microsoft, true);
            }
            ok(retry);
            assertThat(retry.out()).contains(records + " CIDs").contains("Response written");
            assertThat(retry.out()).containsPattern("\\((" + (inFlight ? records - 1 : first) + ") from the cache\\)");
            List<String> spent = microsoft.spent();
            assertThat(new HashSet<>(spent)).as("no IID spent twice: " + spent).hasSize(spent.size());
            assertThat(spent).hasSize(records);
        }
        ok(airlock(gw, "audit", "verify"));
    }

    /** A lab with {@code records} products exported to a request, and a gateway at {@code gw} pinning the lab. */
    private Path gatewayWithRequest(Path gw, int records) throws Exception {
        Path request;
        try (RoundTripFixture f = new RoundTripFixture(tmp.resolve("f"))) {
            f.addProducts(1, records, "6789B");
            request = f.export(ExportOptions.to(f.stick)).file();
            PublicKey labKey = f.lab.keys().publicKey();
            try (Appliance g = Appliance.init(gw, ApplianceInfo.Role.GATEWAY, "Gateway 1", Samples.SUPERVISOR,
                    Samples.CLOCK, new SplittableRandom(8), CheapKeys.prepare(RoundTripFixture.PASSPHRASE), d -> { })) {
                g.enroll().pin(ApplianceInfo.Role.LAB, "Lab 1", labKey, labKey.fingerprint(), Samples.SUPERVISOR);
            }
        }
        return request;
    }

    private Cli.Run process(Path gw, Path request, Path to, StandInBatchActivation microsoft, boolean resend)
            throws Exception {
        List<String> args = new ArrayList<>(List.of("gateway", "process", request.toString(), "--to", to.toString(),
                "--endpoint", microsoft.endpoint().toString(), "--set", "gateway.retries=1", "--set",
                "gateway.retry-backoff-ms=10", "--set", "gateway.read-timeout-seconds=1"));
        if (resend) {
            args.add("--resend-in-flight");
        }
        return airlock(gw, args.toArray(String[]::new));
    }

    // --- helpers --------------------------------------------------------------------------------

    /** A lab (cheap keys) with {@code n} COLLECTED products added in-process; closed again. */
    private static Path labWithCollected(Path dir, int n) throws Exception {
        try (RoundTripFixture f = new RoundTripFixture(dir)) {
            f.addProducts(1, n, "6789B");
            return f.dir.resolve("lab");
        }
    }

    /** A lab with {@code n} COLLECTED products bulk-loaded with sqlite3. */
    private Path bigLab(int n) throws Exception {
        try (RoundTripFixture f = new RoundTripFixture(tmp.resolve("f"))) {
            bulkLoad(f.dir.resolve("lab/airlock.db"), n);
            return f.dir.resolve("lab");
        }
    }

    private void assertNothingExported(Path lab, JsonNode before, Path stick, int collected) throws Exception {
        JsonNode now = status(lab);
        assertThat(now.get("byState").path("EXPORTED").asInt()).isZero();
        assertThat(now.get("byState").path("COLLECTED").asInt()).isEqualTo(collected);
        assertThat(now.get("byState")).isEqualTo(before.get("byState"));
        assertThat(files(stick.resolve("AIRLOCK/outbound"))).as("no bundle and no temp file left").isEmpty();
        assertThat(Integer.parseInt(sqlite(lab, "SELECT count(*) FROM outbound_bundle;").strip())).isZero();
        nothingToImport(lab, stick);
    }

    /** Importing the failed stick takes nothing: temp names are never read. */
    private void nothingToImport(Path lab, Path stick) throws Exception {
        String before = rows(lab);
        Path outbound = stick.resolve("AIRLOCK/outbound");
        Cli.Run r = airlock(lab, "import", (Files.isDirectory(outbound) ? outbound : stick).toString());
        assertThat(r.exit()).as(r.all()).isEqualTo(1);
        assertThat(r.out()).containsAnyOf("no response files", "not a response").contains(" 0 merged");
        assertThat(rows(lab)).isEqualTo(before);
    }

    private void exportFinishes(Path lab, Path stick, int products) throws Exception {
        Cli.Run r = airlock(lab, "export", "--to", stick.toString());
        ok(r);
        assertThat(status(lab).get("byState").path("EXPORTED").asInt()).isEqualTo(products);
        String id = sqlite(lab, "SELECT id FROM outbound_bundle;").strip();
        List<Path> bundles = files(stick.resolve("AIRLOCK/outbound")).stream()
                .filter(p -> p.getFileName().toString().contains("-" + id.substring(0, 8) + "-")).toList();
        assertThat(bundles).as("the bundle of request " + id).hasSize(1);
        SignedBundle b = BundleFile.read(bundles.get(0));
        assertThat(b.request().id().toString()).isEqualTo(id);
        assertThat(b.request().records()).hasSize(products);
    }

    private static void waitForTempFile(Process p, Path outbound) throws Exception {
        Await.until("a temp file in " + outbound, Duration.ofSeconds(90), () -> {
            assertThat(p.isAlive()).as("export finished before its temp file was seen").isTrue();
            return files(outbound).stream().map(f -> f.getFileName().toString())
                    .anyMatch(n -> n.startsWith(".") && n.endsWith(".tmp"));
        });
    }

    private static List<Path> files(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    private static Path fill(Path file) throws IOException {
        byte[] chunk = new byte[4096];
        try (OutputStream o = Files.newOutputStream(file)) {
            while (true) {
                o.write(chunk);
                o.flush();
            }
        } catch (IOException full) {
            return file;
        }
    }

    private static void mkfs(Path image, int megabytes) throws Exception {
        check(Cli.run(List.of("truncate", "-s", megabytes + "M", image.toString()), Map.of(), null), "truncate");
        check(Cli.run(List.of("mkfs.vfat", "-s", "64", "-n", "FAULTSTICK", image.toString()), Map.of(), null),
                "mkfs.vfat");
    }

    private static void replug(Path mnt, Path image) throws Exception {
        unmountFuse(mnt, image);
        check(Cli.run(List.of("fusefat", "-o", "rw+", image.toString(), mnt.toString()), Map.of(), null), "fusefat");
    }

    private static void unmountFuse(Path mnt, Path image) throws Exception {
        Cli.run(List.of("sync"), Map.of(), null);
        Cli.run(List.of("fusermount", "-u", mnt.toString()), Map.of(), null);
        waitForFuseGone(image);
    }

    /** Waits until no fusefat serves {@code image} any more (a lazily unmounted one ends with its last open file). */
    private static void waitForFuseGone(Path image) throws Exception {
        Await.until("fusefat to stop serving " + image, Duration.ofSeconds(60), () -> Cli.run(List.of("pgrep", "-f",
                "fusefat.*" + Pattern.quote(image.toString())), Map.of(), null).exit() != 0);
    }

    private static Path write(Path file, SignedBundle bundle, PublicKey key) throws IOException {
        Files.createDirectories(file);
        Path f = file.resolve(BundleFile.fileName(bundle));
        Files.write(f, BundleFile.write(bundle, key));
        return f;
    }

    /** Changes one byte of the signed payload (kept as Base64 in the file). */
    private static Path tamper(Path file) throws IOException {
        String xml = Files.readString(file, StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("<Payload>([^<]+)</Payload>").matcher(xml);
        assertThat(m.find()).isTrue();
        byte[] payload = Base64.getMimeDecoder().decode(m.group(1).strip());
        payload[payload.length - 10] ^= 0x01;
        String changed = Base64.getEncoder().encodeToString(payload);
        Files.writeString(file, xml.substring(0, m.start(1)) + changed + xml.substring(m.end(1)),
                StandardCharsets.UTF_8);
        return file;
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static void bulkLoad(Path db, int n) throws Exception {
        String now = "2026-01-01T00:00:00.000Z";
        String sql = "BEGIN;"
                + "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " + n + ")"
                + " INSERT INTO machine (id, host_name, source, first_collected_at, last_collected_at)"
                + " SELECT i, 'FAULT-PC-' || i, 'collector', '" + now + "', '" + now + "' FROM n;"
                + "INSERT INTO product (machine_id, sku_id, application_id, product_class, name, partial_key, channel,"
                + " epid, license_status, iid, state, state_changed_at, first_seen_at, last_seen_at)"
                + " SELECT id, '73111121-5638-40f6-bc11-f1d7b0d64300', '55c92734-d682-4d71-983e-d6ec3f16059f',"
                + " 'windows', 'Windows(R), Enterprise edition', '6789B', 'Volume:MAK',"
                + " '03612-03308-000-000000-03-1033-9200.0000-0242016', 5, printf('%063d', 1000000 + id),"
                + " 'COLLECTED', '" + now + "', '" + now + "', '" + now + "' FROM machine;"
                + "COMMIT;";
        check(Cli.run(List.of("sqlite3", "-bail", db.toString(), sql), Map.of(), null), "sqlite3 bulk load");
    }

    private static String sqlite(Path lab, String sql) throws Exception {
        Cli.Run r = Cli.run(List.of("sqlite3", "-bail", lab.resolve("airlock.db").toString(), sql), Map.of(), null);
        check(r, "sqlite3 " + sql);
        return r.out();
    }

    private static int count(Path lab, String state) throws Exception {
        return Integer.parseInt(sqlite(lab, "SELECT count(*) FROM product WHERE state = '" + state + "';").strip());
    }

    /** Everything a refused input must not change: products, their CIDs, the ledger, and status. */
    private String snapshot(Path lab) throws Exception {
        return rows(lab) + status(lab).get("byState");
    }

    /** Products, their CIDs and the ledger, straight from the store. */
    private static String rows(Path lab) throws Exception {
        return sqlite(lab, "SELECT id, state, coalesce(cid, '') FROM product ORDER BY id;"
                + " SELECT id FROM inbound_bundle ORDER BY id;"
                + " SELECT id, state FROM outbound_bundle ORDER BY id;");
    }

    private JsonNode status(Path lab) throws Exception {
        Cli.Run r = airlock(lab, "status", "--json");
        ok(r);
        return json.readTree(r.out());
    }

    private static Cli.Run airlock(Path data, String... args) throws Exception {
        return Cli.run(Cli.command(data, args), ENV, null);
    }

    private static Process start(List<String> cmd, Path out, Path err) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        pb.environment().remove("AIRLOCK_DATA");
        pb.environment().putAll(ENV);
        return pb.start();
    }

    private static void check(Cli.Run run, String what) {
        if (run.exit() != 0) {
            throw new IllegalStateException(what + " failed (exit " + run.exit() + "): " + run.all());
        }
    }
}
