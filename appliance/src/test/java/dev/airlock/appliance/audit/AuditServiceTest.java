package dev.airlock.appliance.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.appliance.Appliance;
import dev.airlock.appliance.store.Store;
import dev.airlock.appliance.store.Times;
import dev.airlock.appliance.testing.Samples;
import dev.airlock.appliance.testing.Sqlite3;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit chain against hand edits made behind Airlock's back with the {@code sqlite3} shell
 * (and once with plain JDBC) while the appliance is open.
 */
class AuditServiceTest {
    /** appliance.init plus one machine.added per manual entry. */
    private static final int ROWS = 6;

    @TempDir
    Path tmp;

    private Appliance app;
    private Path db;

    @BeforeEach
    void sixRowsWrittenByRealServices() {
        app = Samples.initLab(tmp.resolve("data"));
        for (int n = 1; n < ROWS; n++) {
            app.inventory().addManual(Samples.manualEntry(n), Samples.TECHNICIAN);
        }
        db = app.dataDir().resolve(Store.FILE_NAME);
    }

    @Test
    void verify_untouchedLog_isIntactWithEveryRow() {
        assertThat(app.audit().verify()).isEqualTo(new ChainReport.Intact(ROWS));
        assertThat(app.audit().recent(ROWS, "")).extracting(AuditEntry::action)
                .containsExactly("machine.added", "machine.added", "machine.added", "machine.added", "machine.added",
                        "appliance.init");
    }

    @Test
    void append_linksEachRowToThePreviousOne() {
        var newestFirst = app.audit().recent(ROWS, "");
        for (int i = 0; i < newestFirst.size() - 1; i++) {
            assertThat(newestFirst.get(i).prevHash()).isEqualTo(newestFirst.get(i + 1).hash());
        }
        assertThat(newestFirst.get(ROWS - 1).prevHash()).isEqualTo("0".repeat(64));
    }

    @Test
    void verify_withEditedRow_namesThatRow() {
        Sqlite3.run(db, "UPDATE audit_log SET details='x' WHERE seq=3");

        assertThat(app.audit().verify()).isInstanceOfSatisfying(ChainReport.Broken.class, b -> {
            assertThat(b.seq()).isEqualTo(3);
            assertThat(b.reason()).contains("row 3").contains("edited");
        });
    }

    @Test
    void verify_withEditedRowAndRecomputedHash_namesTheNextRow() {
        // A careful forger fixes the edited row's own hash; the next row still points at the old one.
        AuditRepository.RawRow r = row(3);
        String forged = AuditChain.hash(3, r.at(), r.operator(), r.action(), r.subject(), "x", r.prevHash());
        Sqlite3.run(db, "UPDATE audit_log SET details='x', hash='" + forged + "' WHERE seq=3");

        assertThat(app.audit().verify()).isInstanceOfSatisfying(ChainReport.Broken.class,
                b -> assertThat(b.seq()).isEqualTo(4));
    }

    @Test
    void verify_withDeletedMiddleRow_namesTheMissingRow() {
        Sqlite3.run(db, "DELETE FROM audit_log WHERE seq=3");

        assertThat(app.audit().verify()).isInstanceOfSatisfying(ChainReport.Broken.class, b -> {
            assertThat(b.seq()).isEqualTo(3);
            assertThat(b.reason()).contains("row 3").contains("deleted");
        });
    }

    @Test
    void verify_withTwoRowsSwapped_isBroken() {
        Sqlite3.run(db, "BEGIN; UPDATE audit_log SET seq=-1 WHERE seq=2; UPDATE audit_log SET seq=2 WHERE seq=3;"
                + " UPDATE audit_log SET seq=3 WHERE seq=-1; COMMIT;");

        assertThat(app.audit().verify()).isInstanceOfSatisfying(ChainReport.Broken.class,
                b -> assertThat(b.seq()).isEqualTo(2));
    }

    @Test
    void verify_withNewestRowDeleted_isBrokenThanksToTheRecordedHead() {
        Sqlite3.run(db, "DELETE FROM audit_log WHERE seq=" + ROWS);

        assertThat(app.audit().verify()).isInstanceOfSatisfying(ChainReport.Broken.class, b -> {
            assertThat(b.seq()).isEqualTo(ROWS);
            assertThat(b.reason()).contains("missing");
        });
    }

    @Test
    void verify_withRowAppendedByHand_isBroken() {
        Sqlite3.run(db, "INSERT INTO audit_log (seq, at, operator, action, subject, details, prev_hash, hash)"
                + " SELECT seq + 1, at, 'mallory', 'machine.added', 'machine 99', 'host=X', hash, hash"
                + " FROM audit_log WHERE seq=" + ROWS);

        assertThat(app.audit().verify()).isInstanceOfSatisfying(ChainReport.Broken.class,
                b -> assertThat(b.seq()).isEqualTo(ROWS + 1));
    }

    @Test
    void verify_withCorrectlyChainedRowAppendedByHand_isBrokenThanksToTheRecordedHead() {
        AuditRepository.RawRow last = row(ROWS);
        String at = Times.format(Samples.NOW);
        String hash = AuditChain.hash(ROWS + 1, at, "mallory", "machine.added", "machine 99", "host=X", last.hash());
        Sqlite3.run(db, "INSERT INTO audit_log (seq, at, operator, action, subject, details, prev_hash, hash)"
                + " VALUES (" + (ROWS + 1) + ", '" + at + "', 'mallory', 'machine.added', 'machine 99', 'host=X', '"
                + last.hash() + "', '" + hash + "')");

        assertThat(app.audit().verify()).isInstanceOfSatisfying(ChainReport.Broken.class, b -> {
            assertThat(b.seq()).isEqualTo(ROWS + 1);
            assertThat(b.reason()).contains("recorded end");
        });
    }

    @Test
    void verify_withRowEditedThroughJdbc_namesThatRow() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                PreparedStatement st = c.prepareStatement("UPDATE audit_log SET operator = ? WHERE seq = ?")) {
            st.setString(1, "someone-else");
            st.setLong(2, 2);
            assertThat(st.executeUpdate()).isEqualTo(1);
        }

        assertThat(app.audit().verify()).isInstanceOfSatisfying(ChainReport.Broken.class,
                b -> assertThat(b.seq()).isEqualTo(2));
    }

    @Test
    void append_afterTamperedLog_stillVerifiesAsBroken() {
        Sqlite3.run(db, "UPDATE audit_log SET details='x' WHERE seq=3");
        app.inventory().addManual(Samples.manualEntry(ROWS), Samples.TECHNICIAN);

        assertThat(app.audit().verify()).isInstanceOfSatisfying(ChainReport.Broken.class,
                b -> assertThat(b.seq()).isEqualTo(3));
    }

    private AuditRepository.RawRow row(long seq) {
        String[] f = Sqlite3.run(db, "SELECT seq || char(9) || at || char(9) || operator || char(9) || action"
                + " || char(9) || subject || char(9) || details || char(9) || prev_hash || char(9) || hash"
                + " FROM audit_log WHERE seq=" + seq).strip().split("\t", -1);
        return new AuditRepository.RawRow(Long.parseLong(f[0]), f[1], f[2], f[3], f[4], f[5], f[6], f[7]);
    }
}
