package dev.airlock.appliance.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.airlock.appliance.Appliance;
import dev.airlock.appliance.audit.AuditEntry;
import dev.airlock.appliance.audit.AuditService;
import dev.airlock.appliance.audit.ChainReport;
import dev.airlock.appliance.keys.CheapKeys;
import dev.airlock.appliance.keys.KeyService;
import dev.airlock.appliance.keys.OfflineCrypto;
import dev.airlock.appliance.keys.Passphrase;
import dev.airlock.appliance.keys.WrongPassphraseException;
import dev.airlock.appliance.store.ApplianceInfo;
import dev.airlock.appliance.store.Store;
import dev.airlock.appliance.testing.Samples;
import dev.airlock.appliance.testing.Sqlite3;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupServiceTest {
    static final String PASSPHRASE = "correct horse battery staple";
    /** Cheap Argon2id for format tests; backups here derive with the keyring's (cheap) cost. */
    static final OfflineCrypto.Cost CHEAP = new OfflineCrypto.Cost(64, 1);

    @TempDir
    Path tmp;

    Path data;
    Path stick;
    Store store;
    AuditService audit;
    BackupService backups;

    @BeforeEach
    void setUp() throws IOException {
        data = tmp.resolve("data");
        stick = Files.createDirectories(tmp.resolve("stick"));
        newLab(data, 12);
        store = Store.open(data);
        audit = new AuditService(store, Samples.CLOCK);
        KeyService keys = new KeyService(store, audit, Samples.CLOCK, d -> { }, new SecureRandom());
        backups = new BackupService(store, keys, audit, Samples.CLOCK, new SecureRandom());
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    /** A lab store with keys under {@link #PASSPHRASE} and {@code machines} manually entered machines. */
    static void newLab(Path dir, int machines) {
        try (Appliance a = Appliance.init(dir, ApplianceInfo.Role.LAB, "Lab 1", Samples.SUPERVISOR, Samples.CLOCK,
                new SplittableRandom(7), CheapKeys.prepare(PASSPHRASE), d -> { })) {
            for (int n = 1; n <= machines; n++) {
                a.inventory().addManual(Samples.manualEntry(n), Samples.TECHNICIAN);
            }
        }
    }

    private BackupResult backup() throws Exception {
        return backups.backup(stick, Passphrase.of(PASSPHRASE), Samples.SUPERVISOR);
    }

    private static RestoreResult restore(Path file, Path into, String passphrase, boolean replace) throws Exception {
        return BackupService.restore(file, into, Passphrase.of(passphrase), replace, Samples.TECHNICIAN,
                Samples.CLOCK);
    }

    @Test
    void backup_thenRestore_givesTheSameRecord_withIntactAuditLog() throws Exception {
        BackupResult written = backup();
        assertThat(written.file()).isEqualTo(stick.resolve("AIRLOCK/backup/airlock-backup-20250304-050607.alb"));
        assertThat(written.file()).isRegularFile();
        assertThat(written.bytes()).isEqualTo(Files.size(written.file()));
        assertThat(written.machines()).isEqualTo(12);
        assertThat(written.products()).isEqualTo(12);
        assertThat(audit.recent(1, "").get(0).action()).isEqualTo("backup.write");
        try (Stream<Path> files = Files.list(written.file().getParent())) {
            assertThat(files).containsExactly(written.file()); // no temp file left behind
        }
        try (Stream<Path> files = Files.list(data)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".backup"));
        }
        byte[] onStick = Files.readAllBytes(written.file());
        assertThat(new String(onStick, java.nio.charset.StandardCharsets.ISO_8859_1))
                .startsWith("AIRLOCK-BACKUP").doesNotContain("LAB-PC-").doesNotContain("SQLite format");

        Path restoredDir = tmp.resolve("restored");
        RestoreResult r = restore(written.file(), restoredDir, PASSPHRASE, false);
        assertThat(r.dataDir()).isEqualTo(restoredDir.toAbsolutePath().normalize());
        assertThat(r.applianceName()).isEqualTo("Lab 1");
        assertThat(r.machines()).isEqualTo(12);
        assertThat(r.products()).isEqualTo(12);
        assertThat(r.movedAside()).isEmpty();
        try (Appliance restored = Appliance.open(restoredDir, Samples.CLOCK)) {
            assertThat(restored.audit().verify()).isInstanceOf(ChainReport.Intact.class);
            AuditEntry last = restored.audit().recent(1, "").get(0);
            assertThat(last.action()).isEqualTo("backup.restore");
            assertThat(last.operator()).isEqualTo(Samples.TECHNICIAN.name());
            assertThat(restored.inventory().status().machines()).isEqualTo(12);
            assertThat(restored.info().applianceId()).isEqualTo(store.applianceInfo().applianceId());
            restored.keys().checkPassphrase(Passphrase.of(PASSPHRASE), Samples.SUPERVISOR); // keys came along
        }
        try (Stream<Path> files = Files.list(restoredDir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".restore"));
        }
    }

    @Test
    void backup_twiceInOneSecond_keepsBoth() throws Exception {
        Path first = backup().file();
        Path second = backup().file();
        assertThat(second).isNotEqualTo(first).hasFileName("airlock-backup-20250304-050607-2.alb");
    }

    @Test
    void backup_withWrongPassphrase_isRefused_andWritesNothing() {
        assertThatThrownBy(() -> backups.backup(stick, Passphrase.of("not the passphrase at all"),
                Samples.SUPERVISOR)).isInstanceOf(WrongPassphraseException.class);
        assertThat(stick.resolve("AIRLOCK/backup")).doesNotExist();
    }

    @Test
    void backup_toAMissingStick_isRefused() {
        assertThatThrownBy(() -> backups.backup(tmp.resolve("no-stick"), Passphrase.of(PASSPHRASE),
                Samples.SUPERVISOR)).isInstanceOf(BackupException.class).hasMessageContaining("insert the stick");
    }

    @Test
    void restore_withWrongPassphrase_isRefused_andRestoresNothing() throws Exception {
        Path file = backup().file();
        Path into = tmp.resolve("restored");
        assertThatThrownBy(() -> restore(file, into, "another passphrase entirely", false))
                .isInstanceOf(BackupException.class).hasMessageStartingWith("wrong passphrase for this backup");
        assertNothingRestored(into);
    }

    @Test
    void restore_withAFlippedByte_anywhere_isRefused() throws Exception {
        Path file = backup().file();
        byte[] good = Files.readAllBytes(file);
        int[] positions = {3, 20, OfflineCrypto.HEADER_LENGTH - 1, OfflineCrypto.HEADER_LENGTH + 5, good.length / 2,
            good.length - 1};
        List<String> accepted = new ArrayList<>();
        for (int at : positions) {
            byte[] bad = good.clone();
            bad[at] ^= 0x01;
            Path tampered = tmp.resolve("tampered-" + at + ".alb");
            Files.write(tampered, bad);
            Path into = tmp.resolve("into-" + at);
            try {
                restore(tampered, into, PASSPHRASE, false);
                accepted.add("byte " + at);
            } catch (BackupException e) {
                assertThat(e.getMessage()).as("byte %d", at).containsAnyOf("damaged", "not an Airlock backup",
                        "wrong passphrase", "newer Airlock").contains("nothing was restored");
            }
            assertNothingRestored(into);
        }
        assertThat(accepted).as("tampered files restored").isEmpty();
    }

    @Test
    void restore_ofATruncatedFile_isRefused() throws Exception {
        Path file = backup().file();
        byte[] good = Files.readAllBytes(file);
        for (int length : new int[] {0, 10, OfflineCrypto.HEADER_LENGTH, OfflineCrypto.HEADER_LENGTH + 10,
            good.length - 1, good.length - 17}) {
            Path cut = tmp.resolve("cut-" + length + ".alb");
            Files.write(cut, Arrays.copyOf(good, length));
            Path into = tmp.resolve("into-" + length);
            assertThatThrownBy(() -> restore(cut, into, PASSPHRASE, false)).as("cut to %d bytes", length)
                    .isInstanceOf(BackupException.class).hasMessageContaining("nothing was restored")
                    .hasMessageFindingMatch("truncated|empty|damaged");
            assertNothingRestored(into);
        }
    }

    @Test
    void restore_ofSomethingElse_saysItIsNoBackup() throws Exception {
        Path file = tmp.resolve("notes.alb");
        Files.writeString(file, "shopping list: milk, bread");
        assertThatThrownBy(() -> restore(file, tmp.resolve("into"), PASSPHRASE, false))
                .isInstanceOf(BackupException.class).hasMessageContaining("is not an Airlock backup");
        assertThatThrownBy(() -> restore(tmp.resolve("missing.alb"), tmp.resolve("into"), PASSPHRASE, false))
                .isInstanceOf(BackupException.class).hasMessageContaining("no backup file");
    }

    @Test
    void restore_intoADirWithAStore_isRefused_withoutReplace() throws Exception {
        Path file = backup().file();
        Path other = tmp.resolve("other");
        newLab(other, 2);
        byte[] before = Files.readAllBytes(other.resolve(Store.FILE_NAME));
        assertThatThrownBy(() -> restore(file, other, PASSPHRASE, false))
                .isInstanceOf(BackupException.class).hasMessageContaining("a data store already exists")
                .hasMessageContaining("--replace");
        assertThat(Files.readAllBytes(other.resolve(Store.FILE_NAME))).isEqualTo(before);
    }

    @Test
    void restore_withReplace_movesTheOldStoreAside_andKeepsTheSettings() throws Exception {
        Path file = backup().file();
        Path other = tmp.resolve("other");
        newLab(other, 2);
        Files.writeString(other.resolve("airlock.conf"), "# settings stay\n");
        RestoreResult r = restore(file, other, PASSPHRASE, true);
        Path aside = tmp.resolve("other.before-restore-20250304-050607");
        assertThat(r.movedAside()).contains(aside.toAbsolutePath().normalize());
        assertThat(aside.resolve(Store.FILE_NAME)).isRegularFile();
        assertThat(other.resolve("airlock.conf")).hasContent("# settings stay");
        try (Appliance old = Appliance.open(aside, Samples.CLOCK)) {
            assertThat(old.inventory().status().machines()).isEqualTo(2);
        }
        try (Appliance restored = Appliance.open(other, Samples.CLOCK)) {
            assertThat(restored.inventory().status().machines()).isEqualTo(12);
            assertThat(restored.audit().verify()).isInstanceOf(ChainReport.Intact.class);
            assertThat(restored.audit().recent(1, "").get(0).details()).contains("previous store moved to " + aside);
        }
    }

    @Test
    void restore_ofABackupWithAnEditedAuditLog_isRefused() throws Exception {
        assertRestoreRefusedAfter("UPDATE audit_log SET details = 'nothing happened' WHERE seq = 2;",
                "audit log is broken at row 2");
    }

    @Test
    void restore_ofABackupWhoseSignedHeadWasDeleted_isRefused() throws Exception {
        backup(); // the passphrase opens the key: the audit log's head is signed on the way
        assertRestoreRefusedAfter("DELETE FROM audit_signed_head;", "signed heads were deleted");
    }

    /** Edits the store with the sqlite3 CLI, backs it up, and expects the restore refused saying {@code why}. */
    private void assertRestoreRefusedAfter(String sql, String why) throws Exception {
        store.close();
        Sqlite3.run(data.resolve(Store.FILE_NAME), sql);
        store = Store.open(data);
        audit = new AuditService(store, Samples.CLOCK);
        KeyService keys = new KeyService(store, audit, Samples.CLOCK, d -> { }, new SecureRandom());
        backups = new BackupService(store, keys, audit, Samples.CLOCK, new SecureRandom());
        Path file = backup().file();
        Path into = tmp.resolve("restored");
        assertThatThrownBy(() -> restore(file, into, PASSPHRASE, false))
                .isInstanceOf(BackupException.class).hasMessageContaining(why)
                .hasMessageContaining("nothing was restored");
        assertNothingRestored(into);
    }

    private static void assertNothingRestored(Path into) throws IOException {
        assertThat(Store.exists(into)).isFalse();
        if (Files.isDirectory(into)) {
            try (Stream<Path> files = Files.list(into)) {
                assertThat(files).as("left in %s", into).isEmpty();
            }
        }
    }
}
