package dev.airlock.appliance.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.airlock.appliance.Appliance;
import dev.airlock.appliance.audit.ChainReport;
import dev.airlock.appliance.inventory.CollectionOutcome;
import dev.airlock.appliance.inventory.Product;
import dev.airlock.appliance.inventory.ProductFilter;
import dev.airlock.appliance.testing.Samples;
import dev.airlock.appliance.testing.Sqlite3;
import dev.airlock.appliance.testing.TmpfsMount;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store on a real SQLite file: how it is created and opened, and how disk trouble is reported. */
class StoreTest {
    static final ApplianceInfo INFO = new ApplianceInfo("0123456789abcdef0123456789abcdef",
            ApplianceInfo.Role.LAB, "Lab 1", Instant.parse("2025-03-04T05:06:07.089Z"));

    @TempDir
    Path tmp;

    private TmpfsMount mount;

    @AfterEach
    void unmount() {
        if (mount != null) {
            mount.close();
        }
    }

    @Test
    void init_createsWalDatabase_withForeignKeysOnAndFlywayHistory() {
        Path data = tmp.resolve("data");
        Samples.initLab(data);

        Path db = data.resolve(Store.FILE_NAME);
        assertThat(db).isRegularFile();
        assertThat(Sqlite3.run(db, "PRAGMA journal_mode;").strip()).isEqualTo("wal");
        assertThat(Sqlite3.run(db, "SELECT version || '|' || success FROM flyway_schema_history"
                + " WHERE version IS NOT NULL ORDER BY installed_rank;").strip())
                .isEqualTo(java.util.stream.IntStream.rangeClosed(1, Store.SCHEMA_VERSION).mapToObj(v -> v + "|1")
                        .collect(java.util.stream.Collectors.joining("\n")));
        Store store = Store.open(data);
        int foreignKeys = store.read(tx -> tx.handle().createQuery("PRAGMA foreign_keys").mapTo(Integer.class).one());
        int busyTimeout = store.read(tx -> tx.handle().createQuery("PRAGMA busy_timeout").mapTo(Integer.class).one());
        assertThat(foreignKeys).isEqualTo(1);
        assertThat(busyTimeout).isPositive();
    }

    @Test
    void warmUp_onOtherThreads_whileAStoreOpens_touchesNoFile_andTheOpenStillWorks() throws Exception {
        Path data = tmp.resolve("data");
        Samples.initLab(data);
        List<Path> before;
        try (var files = Files.list(data)) {
            before = files.sorted().toList();
        }
        List<Thread> warming = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Thread t = new Thread(Store::warmUp);
            t.start();
            warming.add(t);
        }
        try (Store store = Store.open(data)) {
            int rows = store.read(tx -> tx.handle().createQuery("SELECT count(*) FROM appliance")
                    .mapTo(Integer.class).one());
            assertThat(rows).isEqualTo(1);
        }
        for (Thread t : warming) {
            t.join(30_000);
            assertThat(t.isAlive()).isFalse();
        }
        try (var files = Files.list(data)) {
            assertThat(files.sorted().toList()).isEqualTo(before);
        }
    }

    @Test
    void write_breakingAForeignKey_isRefusedWithAPlainMessage() {
        Store store = Store.create(tmp.resolve("data"), INFO, (s, tx) -> { });

        assertThatThrownBy(() -> store.execute(tx -> tx.handle().execute("INSERT INTO machine_change"
                + " (machine_id, changed_at, field, source) VALUES (42, 'x', 'f', 's')")))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("breaks a rule")
                .hasMessageContaining("nothing was changed");
    }

    @Test
    void create_thenOpen_readsTheApplianceRowBack() {
        Store.create(tmp.resolve("data"), INFO, (s, tx) -> { });

        assertThat(Store.open(tmp.resolve("data")).applianceInfo()).isEqualTo(INFO);
    }

    @Test
    void open_onEmptyDir_throwsStoreMissing_sayingRunInitFirst() throws IOException {
        Path empty = Files.createDirectory(tmp.resolve("empty"));

        assertThatThrownBy(() -> Store.open(empty))
                .isInstanceOf(StoreMissingException.class)
                .hasMessageContaining("run ./airlock init first")
                .hasMessageContaining(empty.toString());
        assertThat(empty).isEmptyDirectory();
    }

    @Test
    void init_twice_refusesNamingTheDir_andLeavesTheFirstStoreIntact() {
        Path data = tmp.resolve("data");
        Appliance first = Samples.initLab(data);
        first.inventory().addManual(Samples.manualEntry(1), Samples.TECHNICIAN);
        ApplianceInfo before = first.info();

        assertThatThrownBy(() -> Appliance.init(data, ApplianceInfo.Role.GATEWAY, "Other", Samples.SUPERVISOR,
                Samples.CLOCK, new SplittableRandom(99)))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("refusing to overwrite")
                .hasMessageContaining(data.toAbsolutePath().toString());

        Appliance reopened = Appliance.open(data, Samples.CLOCK);
        assertThat(reopened.info()).isEqualTo(before);
        assertThat(hosts(reopened)).containsExactly("LAB-PC-1");
        assertThat(reopened.audit().verify()).isEqualTo(new ChainReport.Intact(2));
    }

    @Test
    void transaction_throwingMidway_leavesNothingBehind() {
        Store store = Store.create(tmp.resolve("data"), INFO, (s, tx) -> { });

        assertThatThrownBy(() -> store.execute(tx -> {
            tx.handle().execute("INSERT INTO lab_group (name, created_at) VALUES ('Room 101', 'x')");
            tx.handle().execute("INSERT INTO lab_group (name, created_at) VALUES ('Room 102', 'x')");
            throw new IOException("stick pulled out half-way");
        })).isInstanceOf(IOException.class).hasMessage("stick pulled out half-way");

        int groups = store.read(tx -> tx.handle().createQuery("SELECT count(*) FROM lab_group").mapTo(Integer.class)
                .one());
        assertThat(groups).isZero();
    }

    @Test
    void open_fileThatIsNotADatabase_saysItIsNotAReadableStore_andLeavesTheFileAlone() throws IOException {
        Path data = Files.createDirectory(tmp.resolve("data"));
        byte[] junk = new byte[16 * 1024];
        new SplittableRandom(1).nextBytes(junk);
        Path db = Files.write(data.resolve(Store.FILE_NAME), junk);

        assertThatThrownBy(() -> Store.open(data))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("is not a readable Airlock data store");
        assertThat(Files.readAllBytes(db)).isEqualTo(junk);
    }

    @Test
    void open_onReadOnlyDataDir_failsSayingReadOnly_andTheStoreIsIntactWhenWritableAgain() throws IOException {
        mount = TmpfsMount.mount(Files.createDirectory(tmp.resolve("ro")), "8m");
        Path data = mount.dir().resolve("data");
        try (Appliance app = Samples.initLab(data)) {
            app.inventory().addManual(Samples.manualEntry(1), Samples.TECHNICIAN);
        }
        byte[] dbBefore = Files.readAllBytes(data.resolve(Store.FILE_NAME));

        // A file system cannot be made read-only under open files, so the appliance is closed first,
        // as after a reboot onto a read-only data dir.
        mount.readOnly();

        assertThatThrownBy(() -> Appliance.open(data, Samples.CLOCK).inventory().addManual(Samples.manualEntry(2),
                        Samples.TECHNICIAN))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("read-only");

        mount.readWrite();
        assertThat(Files.readAllBytes(data.resolve(Store.FILE_NAME))).isEqualTo(dbBefore);

        try (Appliance reopened = Appliance.open(data, Samples.CLOCK)) {
            assertThat(reopened.audit().verify()).isEqualTo(new ChainReport.Intact(2));
            assertThat(hosts(reopened)).containsExactly("LAB-PC-1");
        }
    }

    @Test
    void write_onFullDisk_failsSayingSo_andAfterFreeingSpaceTheStoreIsConsistent() throws IOException,
            SQLException {
        Appliance app = applianceOnSmallDisk();
        Path filler = fillDisk();

        // The appliance's own connections stay open, so SQLite gets as far as the commit and says so.
        assertThatThrownBy(() -> app.inventory().addManual(Samples.manualEntry(4), Samples.TECHNICIAN))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("the disk holding " + app.dataDir() + " is full")
                .hasMessageContaining("nothing was changed");

        Files.delete(filler);
        assertConsistentWithThreeMachines(app.dataDir());
    }

    @Test
    void write_onFullDiskWhileAnotherConnectionIsOpen_failsSayingDiskFull_andTheStoreStaysConsistent()
            throws IOException, SQLException {
        Appliance app = applianceOnSmallDisk();
        Path filler;
        // Another reader (say the kiosk) keeps the WAL and its index open, so SQLite gets as far as the commit.
        try (Connection reader = DriverManager.getConnection("jdbc:sqlite:" + app.dataDir().resolve(Store.FILE_NAME));
                Statement st = reader.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*) FROM machine")) {
            assertThat(rs.next()).isTrue();
            filler = fillDisk();

            assertThatThrownBy(() -> app.inventory().addManual(Samples.manualEntry(4), Samples.TECHNICIAN))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("the disk holding " + app.dataDir() + " is full")
                    .hasMessageContaining("nothing was changed");
        }

        Files.delete(filler);
        assertConsistentWithThreeMachines(app.dataDir());
    }

    /** A lab appliance with three machines on a 1 MiB tmpfs (init needs a few hundred KiB). */
    private Appliance applianceOnSmallDisk() throws IOException {
        mount = TmpfsMount.mount(Files.createDirectory(tmp.resolve("small")), "1m");
        Appliance app = Samples.initLab(mount.dir().resolve("data"));
        for (int n = 1; n <= 3; n++) {
            assertThat(app.inventory().addManual(Samples.manualEntry(n), Samples.TECHNICIAN))
                    .isInstanceOf(CollectionOutcome.Added.class);
        }
        return app;
    }

    private static void assertConsistentWithThreeMachines(Path data) throws SQLException {
        Appliance reopened = Appliance.open(data, Samples.CLOCK);
        assertThat(integrityCheck(data.resolve(Store.FILE_NAME))).containsExactly("ok");
        assertThat(reopened.audit().verify()).isEqualTo(new ChainReport.Intact(4));
        assertThat(hosts(reopened)).containsExactly("LAB-PC-1", "LAB-PC-2", "LAB-PC-3");
        assertThat(reopened.inventory().addManual(Samples.manualEntry(4), Samples.TECHNICIAN))
                .isInstanceOf(CollectionOutcome.Added.class);
        assertThat(reopened.audit().verify()).isEqualTo(new ChainReport.Intact(5));
    }

    /** Writes a file until the tmpfs has no space left; returns it so the test can free the space. */
    private Path fillDisk() throws IOException {
        Path filler = mount.dir().resolve("filler");
        byte[] block = new byte[4096];
        Arrays.fill(block, (byte) 0x5a);
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(block);
                out.flush();
            }
        } catch (IOException expected) {
            if (!String.valueOf(expected.getMessage()).contains("No space left")) {
                throw expected;
            }
        }
        return filler;
    }

    private static List<String> integrityCheck(Path db) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        }
    }

    private static List<String> hosts(Appliance app) {
        return app.inventory().products(ProductFilter.all(), 0, 1000).stream().map(Product::hostName).toList();
    }
}
