package dev.airlock.appliance.collect;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.airlock.appliance.Appliance;
import dev.airlock.appliance.audit.Actor;
import dev.airlock.appliance.demo.DemoData;
import dev.airlock.appliance.devices.StickLayout;
import dev.airlock.appliance.collect.FileOutcome.Kind;
import dev.airlock.appliance.inventory.MachineChange;
import dev.airlock.appliance.inventory.MachineDetail;
import dev.airlock.appliance.inventory.Product;
import dev.airlock.appliance.inventory.ProductState;
import dev.airlock.appliance.store.ApplianceInfo.Role;
import dev.airlock.appliance.store.Store;
import dev.airlock.formats.ids.ApplicationId;
import dev.airlock.formats.ids.ExtendedProductId;
import dev.airlock.formats.ids.InstallationId;
import dev.airlock.formats.ids.InvalidIdException;
import dev.airlock.formats.ids.PartialProductKey;
import dev.airlock.formats.ids.SkuId;
import dev.airlock.formats.kit.ApplyResult;
import dev.airlock.formats.kit.ApplyResultWriter;
import dev.airlock.formats.kit.CollectedProduct;
import dev.airlock.formats.kit.CollectorRecord;
import dev.airlock.formats.kit.CollectorRecordReaderTest;
import dev.airlock.formats.kit.CollectorRecordWriter;
import dev.airlock.formats.kit.LicenseStatus;
import dev.airlock.formats.kit.MachineIdentity;
import dev.airlock.formats.kit.ProductClass;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AnnotatedElementContext;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.io.TempDirFactory;

/**
 * Intake against a real SQLite store: outcomes and their messages, idempotence, re-collection
 * history, conflicts, and hostile folders (junk, links, loops) that must change nothing.
 */
class IntakeServiceTest {
    private static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
    private static final Instant T1 = T0.plus(Duration.ofDays(1));
    private static final Actor TESTER = new Actor("tester");
    private static final String UUID_A = "0DEC0DE0-0000-4000-8000-00000000000A";
    private static final String UUID_B = "0DEC0DE0-0000-4000-8000-00000000000B";
    private static final String PLACEHOLDER_UUID = "FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF";
    private static final String WIN_SKU = "11111111-0000-4000-8000-000000000001";
    private static final String OFFICE_SKU = "21212121-0000-4000-8000-000000000001";
    private static final List<String> TABLES = List.of("lab_group", "machine", "machine_change", "product",
            "product_history", "intake_file", "audit_log", "audit_head");


    @TempDir
    Path tmp;

    private Appliance app;
    private final CollectorRecordWriter writer = new CollectorRecordWriter();
    private final List<FileOutcome> outcomes = new ArrayList<>();

    @BeforeEach
    void setUp() {
        app = Appliance.init(tmp.resolve("data"), Role.LAB, "Test lab", TESTER, CLOCK, new Random(1));
    }

    // =====================================================================================
    // Outcomes
    // =====================================================================================

    @Test
    void countNew_countsOnlyFilesNotTakenInYet() throws Exception {
        Path stick = tmp.resolve("stick");
        Path collected = new DemoData(CLOCK).write(3, stick, 7, n -> { });
        assertThat(app.collect().countNew(stick, 1 << 20)).isEqualTo(new NewFiles(3, 0));
        ingest(stick);
        assertThat(app.collect().countNew(stick, 1 << 20)).isEqualTo(new NewFiles(0, 0));
        new DemoData(CLOCK).write(5, tmp.resolve("more"), 8, n -> { });
        try (var more = Files.list(StickLayout.Folder.COLLECTED.on(tmp.resolve("more")))) {
            for (Path f : (Iterable<Path>) more::iterator) {
                Files.copy(f, collected.resolve("new-" + f.getFileName()));
            }
        }
        Files.writeString(collected.resolve(".half-written.xml.tmp"), "<partial");
        assertThat(app.collect().countNew(stick, 1 << 20).collected()).isEqualTo(5);
        assertThat(app.collect().countNew(tmp.resolve("no-such-stick"), 1 << 20).total()).isZero();
    }

    @Test
    void newMachine_accepted_withProductsCollected() throws Exception {
        Path file = write("lab-a.xml", record(T0, identity("LAB-A", UUID_A, "26100"), windows(iid(1)), office(iid(2))));

        IntakeSummary summary = ingest(file);

        FileOutcome o = only();
        assertThat(o.kind()).isEqualTo(Kind.ACCEPTED);
        assertThat(o.file()).isEqualTo(file);
        assertThat(o.message()).isEqualTo("new machine LAB-A (id " + o.machineId().getAsLong() + ") with 2 products");
        assertThat(summary.get(Kind.ACCEPTED)).isEqualTo(1);
        assertThat(summary.anyRejected()).isFalse();
        assertThat(summary.toString()).isEqualTo("1 accepted, 0 updated, 0 unchanged, 0 rejected, 0 skipped");
        MachineDetail d = machine(o);
        assertThat(d.machine().hostName()).isEqualTo("LAB-A");
        assertThat(d.machine().identity().smbiosUuid()).isEqualTo(UUID_A);
        assertThat(d.machine().source()).isEqualTo("collector");
        assertThat(d.machine().lastCollected()).isEqualTo(T0);
        assertThat(d.products()).extracting(Product::state).containsOnly(ProductState.COLLECTED);
        assertThat(d.products()).extracting(p -> p.iid().digits()).containsExactlyInAnyOrder(iid(1), iid(2));
        assertThat(d.history()).isEmpty();
        assertThat(app.audit().recent(10, "")).extracting(e -> e.action()).containsExactly("machine.added",
                "appliance.init");
        assertThat(count("intake_file")).isEqualTo(1);
    }

    @Test
    void sameFileTwice_secondIsUnchanged_andChangesNothing() throws Exception {
        Path file = write("lab-a.xml", record(T0, identity("LAB-A", UUID_A, "26100"), windows(iid(1))));
        ingest(file);
        String before = snapshot();
        long auditRows = count("audit_log");

        IntakeSummary summary = ingest(file);

        FileOutcome o = only();
        assertThat(o.kind()).isEqualTo(Kind.UNCHANGED);
        assertThat(o.message()).isEqualTo("already taken in on " + NOW + "; the same file again changes nothing: run"
                + " Collect.cmd again at that machine");
        assertThat(summary.get(Kind.UNCHANGED)).isEqualTo(1);
        assertThat(count("audit_log")).isEqualTo(auditRows);
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void sameBytesUnderAnotherName_isAlsoAlreadyTakenIn() throws Exception {
        Path file = write("lab-a.xml", record(T0, identity("LAB-A", UUID_A, "26100"), windows(iid(1))));
        ingest(file);
        String before = snapshot();
        Path copy = Files.copy(file, Files.createDirectories(tmp.resolve("other")).resolve("copy.xml"));

        ingest(copy);

        assertThat(only().kind()).isEqualTo(Kind.UNCHANGED);
        assertThat(only().message()).startsWith("already taken in");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void sameDataCollectedLater_isUnchanged_sameAsTheRecord() throws Exception {
        ingest(write("a1.xml", record(T0, identity("LAB-A", UUID_A, "26100"), windows(iid(1)))));
        long auditRows = count("audit_log");

        ingest(write("a2.xml", record(T1, identity("LAB-A", UUID_A, "26100"), windows(iid(1)))));

        FileOutcome o = only();
        assertThat(o.kind()).isEqualTo(Kind.UNCHANGED);
        assertThat(o.message()).endsWith("same as the record; " + Collect.RECOLLECT_HINT);
        assertThat(count("audit_log")).isEqualTo(auditRows);
        assertThat(count("machine_change")).isZero();
        assertThat(machine(o).machine().lastCollected()).isEqualTo(T1);
    }

    @Test
    void recollectedWithAChangedOsBuild_updated_andHistoryHoldsTheChange() throws Exception {
        ingest(write("a1.xml", record(T0, identity("LAB-A", UUID_A, "26100"), windows(iid(1)))));
        long id = only().machineId().getAsLong();

        ingest(write("a2.xml", record(T1, identity("LAB-A", UUID_A, "26200"), windows(iid(1)))));

        FileOutcome o = only();
        assertThat(o.kind()).isEqualTo(Kind.UPDATED);
        assertThat(o.machineId()).hasValue(id);
        assertThat(o.message()).isEqualTo("LAB-A (id " + id + "): OS version 10.0.26100 -> 10.0.26200;"
                + " OS build 26100 -> 26200");
        MachineDetail d = app.inventory().machine(Long.toString(id)).orElseThrow();
        assertThat(d.machine().identity().osBuild()).isEqualTo("26200");
        assertThat(d.machine().lastCollected()).isEqualTo(T1);
        assertThat(d.history()).containsExactlyInAnyOrder(
                new MachineChange(NOW, "OS version", "10.0.26100", "10.0.26200", "a2.xml"),
                new MachineChange(NOW, "OS build", "26100", "26200", "a2.xml"));
        assertThat(app.audit().recent(1, "").get(0).action()).isEqualTo("machine.updated");
        assertThat(count("machine")).isEqualTo(1);
    }

    @Test
    void matchedBySmbiosUuid_evenWhenTheHostWasRenamed() throws Exception {
        ingest(write("a1.xml", record(T0, identity("LAB-A", UUID_A, "26100"), windows(iid(1)))));
        long id = only().machineId().getAsLong();

        ingest(write("a2.xml", record(T1, identity("LAB-A-RENAMED", UUID_A, "26100"), windows(iid(1)))));

        FileOutcome o = only();
        assertThat(o.kind()).isEqualTo(Kind.UPDATED);
        assertThat(o.machineId()).hasValue(id);
        assertThat(o.message()).contains("host name LAB-A -> LAB-A-RENAMED");
        assertThat(count("machine")).isEqualTo(1);
        MachineDetail d = app.inventory().machine(Long.toString(id)).orElseThrow();
        assertThat(d.machine().hostName()).isEqualTo("LAB-A-RENAMED");
        assertThat(d.history()).containsExactly(new MachineChange(NOW, "host name", "LAB-A", "LAB-A-RENAMED",
                "a2.xml"));
    }

    @Test
    void matchedByHostName_whenTheRecordHasNoUuid() throws Exception {
        ingest(write("c1.xml", record(T0, identity("LAB-C", "", "19044"), windows(iid(3)))));
        long id = only().machineId().getAsLong();

        ingest(write("c2.xml", record(T1, identity("LAB-C", "", "19045"), windows(iid(3)))));

        FileOutcome o = only();
        assertThat(o.kind()).isEqualTo(Kind.UPDATED);
        assertThat(o.machineId()).hasValue(id);
        assertThat(count("machine")).isEqualTo(1);
        assertThat(app.inventory().machine(Long.toString(id)).orElseThrow().history())
                .extracting(MachineChange::field).containsExactlyInAnyOrder("OS version", "OS build");
    }

    @Test
    void aPlaceholderUuid_doesNotMergeTwoMachines() throws Exception {
        ingest(write("d.xml", record(T0, identity("LAB-D", PLACEHOLDER_UUID, "26100"), windows(iid(4)))),
                write("e.xml", record(T0, identity("LAB-E", PLACEHOLDER_UUID, "26100"), windows(iid(5)))));

        assertThat(outcomes).extracting(FileOutcome::kind).containsExactly(Kind.ACCEPTED, Kind.ACCEPTED);
        assertThat(count("machine")).isEqualTo(2);
    }

    @Test
    void anOlderCollection_doesNotOverwriteNewerData() throws Exception {
        ingest(write("new.xml", record(T1, identity("LAB-A", UUID_A, "26200"), windows(iid(1)))));
        long id = only().machineId().getAsLong();
        long changes = count("machine_change");
        long auditRows = count("audit_log");

        ingest(write("old.xml", record(T0, identity("LAB-A-OLDNAME", UUID_A, "26100"), windows(iid(9)))));

        FileOutcome o = only();
        assertThat(o.kind()).isEqualTo(Kind.UNCHANGED);
        assertThat(o.message()).contains("older than the record").contains(T0.toString()).contains(T1.toString());
        MachineDetail d = app.inventory().machine(Long.toString(id)).orElseThrow();
        assertThat(d.machine().hostName()).isEqualTo("LAB-A");
        assertThat(d.machine().identity().osBuild()).isEqualTo("26200");
        assertThat(d.machine().lastCollected()).isEqualTo(T1);
        assertThat(d.products()).extracting(p -> p.iid().digits()).containsExactly(iid(1));
        assertThat(count("machine_change")).isEqualTo(changes);
        assertThat(count("audit_log")).isEqualTo(auditRows);
    }

    @Test
    void aProductsIidChanges_backToCollected_andTheOldInstallationIsKept() throws Exception {
        ingest(write("a1.xml", record(T0, identity("LAB-A", UUID_A, "26100"), windows(iid(1)), office(iid(2)))));
        long id = only().machineId().getAsLong();
        String cid = "123456".repeat(8);
        sql("UPDATE product SET state = 'CID_RECEIVED', cid = '" + cid + "' WHERE sku_id = '" + WIN_SKU + "'");

        ingest(write("a2.xml", record(T1, identity("LAB-A", UUID_A, "26100"), windows(iid(7)), office(iid(2)))));

        FileOutcome o = only();
        assertThat(o.kind()).isEqualTo(Kind.UPDATED);
        assertThat(o.message()).contains("'Windows(R), Enterprise edition' has a new IID")
                .contains("CID_RECEIVED -> COLLECTED").contains("earlier CID is kept in the history");
        Product win = product(id, WIN_SKU);
        assertThat(win.iid().digits()).isEqualTo(iid(7));
        assertThat(win.state()).isEqualTo(ProductState.COLLECTED);
        assertThat(win.cid()).isEmpty();
        assertThat(product(id, OFFICE_SKU).iid().digits()).isEqualTo(iid(2));
        assertThat(rows("SELECT iid, cid, state, reason FROM product_history"))
                .containsExactly(iid(1) + "|" + cid + "|CID_RECEIVED|new IID seen in a2.xml");
    }

    @Test
    void sameIidOnTwoMachines_isAConflict_writesNothing_andSameAsResolvesIt() throws Exception {
        ingest(write("a.xml", record(T0, identity("LAB-A", UUID_A, "26100"), windows(iid(1)))));
        long a = only().machineId().getAsLong();
        Path b = write("b.xml", record(T1, identity("LAB-B", UUID_B, "26100"), windows(iid(1)), office(iid(2))));
        String before = snapshot();
        long auditRows = count("audit_log");

        IntakeSummary summary = ingest(b);

        FileOutcome o = only();
        assertThat(o.kind()).isEqualTo(Kind.REJECTED);
        assertThat(o.machineId()).isEmpty();
        assertThat(o.message()).startsWith("conflict: ").contains("LAB-B").contains("LAB-A (id " + a + ")")
                .contains("--same-as " + a);
        assertThat(o.sameAs()).hasValue(a);
        assertThat(summary.anyRejected()).isTrue();
        assertThat(count("audit_log")).isEqualTo(auditRows);
        assertThat(snapshot()).isEqualTo(before);

        // the operator says: B is A renamed, with a new board
        ingest(new IntakeOptions(Optional.empty(), OptionalLong.of(a)), b);

        FileOutcome resolved = only();
        assertThat(resolved.kind()).isEqualTo(Kind.UPDATED);
        assertThat(resolved.machineId()).hasValue(a);
        assertThat(count("machine")).isEqualTo(1);
        MachineDetail d = app.inventory().machine(Long.toString(a)).orElseThrow();
        assertThat(d.machine().hostName()).isEqualTo("LAB-B");
        assertThat(d.machine().identity().smbiosUuid()).isEqualTo(UUID_B);
        assertThat(d.products()).extracting(p -> p.iid().digits()).containsExactlyInAnyOrder(iid(1), iid(2));
        assertThat(d.history()).extracting(MachineChange::field).contains("host name", "SMBIOS UUID");
    }

    @Test
    void sameIidOnTwoMachines_inOneRun_oneAcceptedOneRejected() throws Exception {
        Path folder = tmp.resolve("run");
        write(folder.resolve("a.xml"), record(T0, identity("LAB-A", UUID_A, "26100"), windows(iid(1))));
        write(folder.resolve("b.xml"), record(T0, identity("LAB-B", UUID_B, "26100"), windows(iid(1))));

        IntakeSummary summary = ingest(folder);

        assertThat(outcomes).extracting(FileOutcome::kind).containsExactlyInAnyOrder(Kind.ACCEPTED, Kind.REJECTED);
        assertThat(outcomes).filteredOn(o -> o.kind() == Kind.REJECTED).singleElement()
                .satisfies(o -> assertThat(o.message()).startsWith("conflict: "));
        assertThat(summary.anyRejected()).isTrue();
        assertThat(count("machine")).isEqualTo(1);
        assertThat(count("intake_file")).isEqualTo(1);
    }

    @Test
    void aBadFileInTheMiddleOfABatch_rejectsOnlyItself_andTheFilesAroundItGoIn() throws Exception {
        long auditBefore = count("audit_log");
        Path a = write("a.xml", record(T0, identity("LAB-A", UUID_A, "26100"), windows(iid(1))));
        Path conflict = write("b.xml", record(T0, identity("LAB-B", UUID_B, "26100"), windows(iid(1))));
        Path broken = tmp.resolve("in").resolve("broken.xml");
        Files.writeString(broken, "<MachineRecord");
        Path copy = tmp.resolve("in").resolve("a-copy.xml");
        Files.copy(a, copy);
        Path c = write("c.xml", record(T0, identity("LAB-C", "", "19044"), windows(iid(3)), office(iid(4))));

        // one run, one batch (fewer files than IntakeService.BATCH_FILES): each file has its own savepoint
        IntakeSummary summary = ingest(a, conflict, broken, copy, c);

        assertThat(outcomes).extracting(FileOutcome::file).containsExactly(a, conflict, broken, copy, c);
        assertThat(outcomes).extracting(FileOutcome::kind).containsExactly(Kind.ACCEPTED, Kind.REJECTED,
                Kind.REJECTED, Kind.UNCHANGED, Kind.ACCEPTED);
        assertThat(outcomes.get(1).message()).startsWith("conflict: the IID of ");
        assertThat(outcomes.get(3).message()).startsWith("already taken in on " + NOW + "; ");
        assertThat(summary.anyRejected()).isTrue();
        assertThat(rows("SELECT host_name FROM machine ORDER BY id")).containsExactly("LAB-A", "LAB-C");
        assertThat(count("product")).isEqualTo(3);
        assertThat(count("intake_file")).isEqualTo(2);
        assertThat(count("audit_log") - auditBefore).isEqualTo(2);
    }

    @Test
    void moreFilesThanOneBatch_allGoIn_andEachIsReportedOnce() throws Exception {
        Path stick = tmp.resolve("stick");
        int files = IntakeService.BATCH_FILES + 7;
        new DemoData(CLOCK).write(files, stick, 11, n -> { });

        IntakeSummary summary = ingest(stick);

        assertThat(summary.toString()).startsWith(files + " accepted, 0 updated, 0 unchanged, 0 rejected");
        assertThat(outcomes).extracting(FileOutcome::file).doesNotHaveDuplicates().hasSize(files);
        assertThat(count("machine")).isEqualTo(files);
        assertThat(count("intake_file")).isEqualTo(files);
    }

    // The batch looks the identifiers of all its records up together (KnownAbsent), and the files'
    // digests before parsing them (one look-up per group of files): what one file writes must still be
    // seen by the files after it in the same run.

    @Test
    void oneMachineTwiceInOneRun_theSecondFileUpdatesIt_byUuid_andByHostInAnyCase() throws Exception {
        Path a1 = write("a1.xml", record(T0, identity("LAB-A", UUID_A, "26100"), windows(iid(1))));
        Path a2 = write("a2.xml", record(T1, identity("LAB-A-RENAMED", UUID_A, "26200"), windows(iid(1))));
        Path c1 = write("c1.xml", record(T0, identity("LAB-C", "", "19044"), windows(iid(3))));
        Path c2 = write("c2.xml", record(T1, identity("lab-c", "", "19045"), windows(iid(3))));

        ingest(a1, a2, c1, c2);

        assertThat(outcomes).extracting(FileOutcome::kind).containsExactly(Kind.ACCEPTED, Kind.UPDATED,
                Kind.ACCEPTED, Kind.UPDATED);
        assertThat(outcomes.get(1).machineId()).isEqualTo(outcomes.get(0).machineId());
        assertThat(outcomes.get(3).machineId()).isEqualTo(outcomes.get(2).machineId());
        assertThat(rows("SELECT host_name FROM machine ORDER BY id")).containsExactly("LAB-A-RENAMED", "lab-c");
        assertThat(count("product")).isEqualTo(2);
    }

    @Test
    void aMachineFromAnApplyResult_isKnownToTheRecordAfterIt_inTheSameRun() throws Exception {
        CollectorRecord fresh = record(T0, identity("LAB-R", UUID_A, "26100"), windows(iid(5)));
        ApplyResult result = new ApplyResult(T0, "1.1.0", "kit.xml", List.of(new ApplyResult.Outcome(
                SkuId.parse(WIN_SKU), InstallationId.parse(iid(5)), ApplyResult.Result.FAILED,
                OptionalLong.of(0xC004F04DL), Optional.of(LicenseStatus.OOB_GRACE), "")), fresh);
        Path results = Files.createDirectories(tmp.resolve("in").resolve("results"));
        Path r = Files.write(results.resolve("r.xml"), new ApplyResultWriter().write(result));
        Path later = write("later.xml", record(T1, identity("LAB-R", UUID_A, "26200"), windows(iid(5))));

        ingest(r, later);

        assertThat(outcomes).extracting(FileOutcome::kind).containsExactly(Kind.ACCEPTED, Kind.UPDATED);
        assertThat(outcomes.get(1).machineId()).isEqualTo(outcomes.get(0).machineId());
        assertThat(count("machine")).isEqualTo(1);
    }

    @Test
    void theSameBytesAgain_moreThanABatchLater_inTheSameRun_isAlreadyTakenIn() throws Exception {
        Path first = write("first.xml", record(T0, identity("LAB-A", UUID_A, "26100"), windows(iid(1))));
        Path copy = Files.copy(first, Files.createDirectories(tmp.resolve("again")).resolve("copy.xml"));
        Path stick = tmp.resolve("stick");
        int between = Math.max(IntakeService.BATCH_FILES, IntakeService.READS_FILES) + 5;
        new DemoData(CLOCK).write(between, stick, 12, n -> { });

        IntakeSummary summary = ingest(first, stick, copy);

        assertThat(outcomes).hasSize(between + 2);
        assertThat(outcomes.get(0).file()).isEqualTo(first);
        assertThat(outcomes.get(between + 1).file()).isEqualTo(copy);
        assertThat(outcomes.get(between + 1).kind()).isEqualTo(Kind.UNCHANGED);
        assertThat(outcomes.get(between + 1).message()).startsWith("already taken in on " + NOW + "; ");
        assertThat(summary.toString()).startsWith((between + 1) + " accepted, 0 updated, 1 unchanged, 0 rejected");
        assertThat(count("intake_file")).isEqualTo(between + 1);
    }

    @Test
    void sameAsOneMachine_forARecordWithAnotherMachinesUuid_isAConflict_notAStoreError() throws Exception {
        ingest(write("a.xml", record(T0, identity("LAB-A", UUID_A, "26100"), windows(iid(1)))));
        long a = only().machineId().getAsLong();
        ingest(write("b.xml", record(T0, identity("LAB-B", UUID_B, "26100"), windows(iid(2)))));
        long b = only().machineId().getAsLong();
        Path b2 = write("b2.xml", record(T1, identity("LAB-B", UUID_B, "26100"), windows(iid(3))));
        String before = snapshot();

        IntakeSummary summary = ingest(new IntakeOptions(Optional.empty(), OptionalLong.of(a)), b2);

        assertThat(only().kind()).isEqualTo(Kind.REJECTED);
        assertThat(only().message()).startsWith("conflict: ").contains(UUID_B).contains("LAB-B (id " + b + ")");
        assertThat(summary.anyRejected()).isTrue();
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void sameAsAMachineThatDoesNotExist_isRejected() throws Exception {
        Path b = write("b.xml", record(T0, identity("LAB-B", UUID_B, "26100"), windows(iid(1))));
        String before = snapshot();

        ingest(new IntakeOptions(Optional.empty(), OptionalLong.of(999)), b);

        assertThat(only().kind()).isEqualTo(Kind.REJECTED);
        assertThat(only().message()).contains("no machine with id 999");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void group_putsNewMachinesInTheGroup() throws Exception {
        IntakeOptions room = new IntakeOptions(Optional.of("Room 101"), OptionalLong.empty());

        ingest(room, write("a.xml", record(T0, identity("LAB-A", UUID_A, "26100"), windows(iid(1)))),
                write("b.xml", record(T0, identity("LAB-B", UUID_B, "26100"), windows(iid(2)))));

        assertThat(outcomes).extracting(FileOutcome::kind).containsExactly(Kind.ACCEPTED, Kind.ACCEPTED);
        for (FileOutcome o : outcomes) {
            assertThat(machine(o).machine().group()).isEqualTo("Room 101");
        }
        assertThat(rows("SELECT name FROM lab_group")).containsExactly("Room 101");
    }

    // =====================================================================================
    // Hostile files and folders
    // =====================================================================================

    @Test
    void stickWithHostileFiles_goodOnesAccepted_badOnesRejectedByName_andTheStoreUnchangedByThem()
            throws Exception {
        Path stick = tmp.resolve("stick");
        Path collected = new DemoData(CLOCK).write(3, stick, 7, n -> { });
        Map<Path, CollectorRecordReaderTest.Hostile> hostile = new HashMap<>();
        for (CollectorRecordReaderTest.Hostile h : CollectorRecordReaderTest.hostileCorpus()) {
            Path f = collected.resolve(h.fileName());
            assertThat(hostile.put(f, h)).as("unique name %s", h.fileName()).isNull();
            Files.write(f, h.bytes());
        }
        Path big = CollectorRecordReaderTest.sparseFile(collected.resolve("big.xml"), 200L << 20);

        IntakeSummary summary = ingest(stick);

        int bad = hostile.size() + 1;
        assertThat(outcomes).hasSize(3 + bad);
        assertThat(outcomes).extracting(FileOutcome::file).doesNotHaveDuplicates();
        for (FileOutcome o : outcomes) {
            CollectorRecordReaderTest.Hostile h = hostile.get(o.file());
            if (o.file().equals(big)) {
                assertThat(o.kind()).isEqualTo(Kind.REJECTED);
                assertThat(o.message()).contains("too large", "200.0 MiB");
            } else if (h != null) {
                assertThat(o.kind()).as(h.fileName()).isEqualTo(Kind.REJECTED);
                assertThat(o.message()).as(h.fileName()).contains(h.words());
                assertThat(o.machineId()).isEmpty();
            } else {
                assertThat(o.kind()).as(o.file().toString()).isEqualTo(Kind.ACCEPTED);
                assertThat(o.message()).startsWith("new machine DEMO-LAB-0000");
            }
        }
        assertThat(summary.get(Kind.ACCEPTED)).isEqualTo(3);
        assertThat(summary.get(Kind.REJECTED)).isEqualTo(bad);
        assertThat(summary.total()).isEqualTo(3 + bad);
        assertThat(summary.anyRejected()).isTrue();
        // only the good files left a trace
        assertThat(count("machine")).isEqualTo(3);
        assertThat(count("intake_file")).isEqualTo(3);
        assertThat(count("audit_log")).isEqualTo(1 + 3);
        assertThat(count("machine_change")).isZero();

        String before = snapshot();
        ingest(stick);

        assertThat(outcomes).filteredOn(o -> o.kind() == Kind.UNCHANGED).hasSize(3)
                .allSatisfy(o -> assertThat(o.message()).startsWith("already taken in"));
        assertThat(outcomes).filteredOn(o -> o.kind() == Kind.REJECTED).hasSize(bad);
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void fiftyThousandJunkFiles_everyFileReportedOnce_nothingWritten(
            @TempDir(factory = InMemoryWhenPossible.class) Path junk) throws Exception {
        int files = 50_000;
        byte[] garbage = "<not a record/>".getBytes(UTF_8);
        // one in ten is named like a record (garbage or empty), the rest have other names
        for (int i = 0; i < files; i++) {
            Path dir = junk.resolve("d" + (i % 50));
            if (i < 50) {
                Files.createDirectories(dir);
            }
            switch (i % 10) {
                case 0 -> {
                    if (i % 20 == 0) {
                        Files.write(dir.resolve("junk-" + i + ".xml"), garbage);
                    } else {
                        Files.createFile(dir.resolve("JUNK-" + i + ".XML"));
                    }
                }
                case 1, 2 -> Files.createFile(dir.resolve("junk-" + i + ".txt"));
                case 3, 4 -> Files.createFile(dir.resolve("junk-" + i + ".xml.tmp"));
                case 5 -> Files.createFile(dir.resolve("junk-" + i + ".png"));
                case 6 -> Files.createFile(dir.resolve("junk-" + i + ".xml.bak"));
                default -> Files.createFile(dir.resolve("junk-" + i));
            }
        }
        String before = snapshot();
        AtomicInteger calls = new AtomicInteger();
        Set<Path> seen = new HashSet<>();
        Map<Kind, Integer> kinds = new HashMap<>();

        // a hang guard only; intake speed is tests/bench.sh's figure
        IntakeSummary summary = assertTimeoutPreemptively(Duration.ofSeconds(120), () ->
                app.collect().ingest(List.of(junk), IntakeOptions.defaults(), TESTER, o -> {
                    calls.incrementAndGet();
                    seen.add(o.file());
                    kinds.merge(o.kind(), 1, Integer::sum);
                }));

        assertThat(calls.get()).isEqualTo(files);
        assertThat(seen).hasSize(files);
        assertThat(summary.total()).isEqualTo(files);
        assertThat(kinds.get(Kind.REJECTED)).isEqualTo(files / 10);
        assertThat(kinds.get(Kind.SKIPPED)).isEqualTo(9 * files / 10);
        assertThat(kinds).containsOnlyKeys(Kind.REJECTED, Kind.SKIPPED);
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void symlinkLoopAndSymlinkedFile_skipped_noHang() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("loopy"));
        Path outside = write(tmp.resolve("elsewhere").resolve("ext.xml"),
                record(T0, identity("LAB-X", UUID_B, "26100"), windows(iid(8))));
        Path good = write(dir.resolve("good.xml"), record(T0, identity("LAB-A", UUID_A, "26100"), windows(iid(1))));
        Path loop = Files.createSymbolicLink(dir.resolve("loop"), dir);
        Path up = Files.createSymbolicLink(Files.createDirectories(dir.resolve("sub")).resolve("up"), dir);
        Path link = Files.createSymbolicLink(dir.resolve("link.xml"), outside);
        Path dangling = Files.createSymbolicLink(dir.resolve("dangling.xml"), tmp.resolve("nothing-here.xml"));

        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> ingest(dir));

        Map<Path, FileOutcome> byFile = outcomes.stream().collect(Collectors.toMap(FileOutcome::file, o -> o));
        assertThat(byFile).containsOnlyKeys(good, loop, up, link, dangling);
        assertThat(byFile.get(good).kind()).isEqualTo(Kind.ACCEPTED);
        for (Path p : List.of(loop, up, link, dangling)) {
            assertThat(byFile.get(p).kind()).as(p.toString()).isEqualTo(Kind.SKIPPED);
            assertThat(byFile.get(p).message()).as(p.toString()).contains("symbolic link");
        }
        assertThat(count("machine")).isEqualTo(1);
    }

    @Test
    void aLinkToAFolder_givenDirectly_isWalked_butLinksInsideItAreNot() throws Exception {
        Path real = tmp.resolve("real");
        write(real.resolve("a.xml"), record(T0, identity("LAB-A", UUID_A, "26100"), windows(iid(1))));
        Files.createSymbolicLink(real.resolve("loop"), real);
        Path link = Files.createSymbolicLink(tmp.resolve("link-to-folder"), real);

        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> ingest(link));

        assertThat(outcomes).hasSize(2);
        assertThat(outcomes).filteredOn(o -> o.kind() == Kind.ACCEPTED).singleElement()
                .satisfies(o -> assertThat(o.file().getFileName().toString()).isEqualTo("a.xml"));
        assertThat(outcomes).filteredOn(o -> o.kind() == Kind.SKIPPED).singleElement()
                .satisfies(o -> assertThat(o.message()).contains("symbolic link"));
    }

    @Test
    void aLinkThatPointsAtItself_givenDirectly_isReportedNotHung() throws Exception {
        Path self = tmp.resolve("self.xml");
        Files.createSymbolicLink(self, self);

        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> ingest(self));

        assertThat(only().kind()).isEqualTo(Kind.REJECTED);
        assertThat(only().message()).startsWith("cannot read");
    }

    @Test
    void aPathThatDoesNotExist_isRejected() throws Exception {
        Path missing = tmp.resolve("no-such-stick");
        String before = snapshot();

        IntakeSummary summary = ingest(missing);

        assertThat(only().kind()).isEqualTo(Kind.REJECTED);
        assertThat(only().file()).isEqualTo(missing);
        assertThat(only().message()).isEqualTo("no such file or folder");
        assertThat(summary.anyRejected()).isTrue();
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void aStickRoot_readsOnlyItsCollectedFolder() throws Exception {
        Path stick = tmp.resolve("stick");
        Path wanted = write(StickLayout.Folder.COLLECTED.on(stick).resolve("a.xml"),
                record(T0, identity("LAB-A", UUID_A, "26100"), windows(iid(1))));
        write(stick.resolve("loose.xml"), record(T0, identity("LAB-B", UUID_B, "26100"), windows(iid(2))));
        write(stick.resolve("AIRLOCK").resolve("old").resolve("c.xml"),
                record(T0, identity("LAB-C", "", "26100"), windows(iid(3))));

        ingest(stick);

        assertThat(only().file()).isEqualTo(wanted);
        assertThat(only().kind()).isEqualTo(Kind.ACCEPTED);
        assertThat(count("machine")).isEqualTo(1);
    }

    @Test
    void aPlainFolder_isWalkedWhole() throws Exception {
        Path folder = tmp.resolve("plain");
        write(folder.resolve("a.xml"), record(T0, identity("LAB-A", UUID_A, "26100"), windows(iid(1))));
        write(folder.resolve("deeper").resolve("b.xml"), record(T0, identity("LAB-B", UUID_B, "26100"), windows(iid(2))));

        ingest(folder);

        assertThat(outcomes).extracting(FileOutcome::kind).containsExactly(Kind.ACCEPTED, Kind.ACCEPTED);
    }

    @Test
    void temporaryAndOtherFiles_skipped_evenWhenTheyHoldARecord() throws Exception {
        Path folder = tmp.resolve("collected");
        CollectorRecord valid = record(T0, identity("LAB-A", UUID_A, "26100"), windows(iid(1)));
        Path partial = write(folder.resolve("LAB-A.xml.tmp"), valid);
        Path tmpFile = write(folder.resolve("LAB-A.tmp"), valid);
        Path text = write(folder.resolve("notes.txt"), valid);

        IntakeSummary summary = ingest(folder);

        Map<Path, FileOutcome> byFile = outcomes.stream().collect(Collectors.toMap(FileOutcome::file, o -> o));
        assertThat(byFile).containsOnlyKeys(partial, tmpFile, text);
        assertThat(byFile.values()).extracting(FileOutcome::kind).containsOnly(Kind.SKIPPED);
        assertThat(byFile.get(partial).message()).contains("temporary file");
        assertThat(byFile.get(text).message()).contains("only .xml files are read");
        assertThat(summary.anyRejected()).isFalse();
        assertThat(count("machine")).isZero();
    }

    // =====================================================================================
    // Helpers
    // =====================================================================================

    /** A temp dir in /dev/shm when there is one: creating 50,000 files on a slow disk takes seconds. */
    static final class InMemoryWhenPossible implements TempDirFactory {
        @Override
        public Path createTempDirectory(AnnotatedElementContext element, ExtensionContext context)
                throws IOException {
            Path shm = Path.of("/dev/shm");
            if (Files.isDirectory(shm) && Files.isWritable(shm)) {
                return Files.createTempDirectory(shm, "airlock-junk-");
            }
            return Files.createTempDirectory("airlock-junk-");
        }
    }

    private IntakeSummary ingest(Path... paths) {
        return ingest(IntakeOptions.defaults(), paths);
    }

    private IntakeSummary ingest(IntakeOptions options, Path... paths) {
        outcomes.clear();
        return app.collect().ingest(List.of(paths), options, TESTER, outcomes::add);
    }

    private FileOutcome only() {
        assertThat(outcomes).hasSize(1);
        return outcomes.get(0);
    }

    private MachineDetail machine(FileOutcome o) {
        return app.inventory().machine(Long.toString(o.machineId().getAsLong())).orElseThrow();
    }

    private Product product(long machineId, String sku) {
        return app.inventory().machine(Long.toString(machineId)).orElseThrow().products().stream()
                .filter(p -> p.skuId().toString().equals(sku)).findFirst().orElseThrow();
    }

    private Path write(String name, CollectorRecord record) throws IOException {
        return write(tmp.resolve("in").resolve(name), record);
    }

    private Path write(Path file, CollectorRecord record) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.write(file, writer.write(record));
    }

    /** 63 digits made from {@code n}: distinct for distinct n. */
    private static String iid(int n) {
        return String.format("%07d", n).repeat(9);
    }

    private static MachineIdentity identity(String host, String uuid, String build) {
        return new MachineIdentity(host, "lab.example", true, "", uuid, "SN-0001",
                "Microsoft Windows 11 Enterprise", "10.0." + build, build, List.of("192.0.2.10"),
                List.of("02:00:5E:00:00:10"));
    }

    private static CollectorRecord record(Instant collected, MachineIdentity machine, CollectedProduct... products) {
        return new CollectorRecord(collected, "1.0.0", machine, List.of(products));
    }

    private static CollectedProduct windows(String iid) throws InvalidIdException {
        return new CollectedProduct(ProductClass.SOFTWARE_LICENSING_PRODUCT, SkuId.parse(WIN_SKU),
                ApplicationId.WINDOWS, "Windows(R), Enterprise edition", "Windows(R) Operating System, VOLUME_MAK channel",
                PartialProductKey.parse("HMK42"),
                ExtendedProductId.parse("03612-04200-000-000042-03-1033-26100.0000-3262026"), "Volume:MAK",
                LicenseStatus.OOB_GRACE, 43080, InstallationId.parse(iid));
    }

    private static CollectedProduct office(String iid) throws InvalidIdException {
        return new CollectedProduct(ProductClass.SOFTWARE_LICENSING_PRODUCT, SkuId.parse(OFFICE_SKU),
                ApplicationId.OFFICE, "Office 21, Office21ProPlus2021VL_MAK_AE edition", "Office 21, VOLUME_MAK channel",
                PartialProductKey.parse("PMK42"),
                ExtendedProductId.parse("05426-04200-000-000043-03-1033-26100.0000-3262026"), "Volume:MAK",
                LicenseStatus.NOTIFICATION, 0, InstallationId.parse(iid));
    }

    private Connection db() throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + app.dataDir().resolve(Store.FILE_NAME));
    }

    private long count(String table) throws SQLException {
        try (Connection c = db(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void sql(String update) throws SQLException {
        try (Connection c = db(); PreparedStatement st = c.prepareStatement(update)) {
            assertThat(st.executeUpdate()).isPositive();
        }
    }

    private List<String> rows(String query) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = db(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(query)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> cols = new ArrayList<>(n);
                for (int i = 1; i <= n; i++) {
                    cols.add(String.valueOf(rs.getString(i)));
                }
                out.add(String.join("|", cols));
            }
        }
        return out;
    }

    /** Every row of every table of the record, to prove a run changed nothing. */
    private String snapshot() throws SQLException {
        StringBuilder s = new StringBuilder();
        for (String table : TABLES) {
            s.append("== ").append(table).append('\n');
            for (String row : rows("SELECT * FROM " + table + " ORDER BY rowid")) {
                s.append(row).append('\n');
            }
        }
        return s.toString();
    }
}
