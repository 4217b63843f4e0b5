package dev.airlock.appliance.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/**
 * V8 rebuilds the product table for the NOT_NEEDED state: a store written by version 7 keeps every
 * product, id and child row (history, bundle references, activations saved), and its products
 * waiting for export that need no CID move to NOT_NEEDED.
 */
class NotNeededMigrationTest {
    private static final String AT = "2026-11-22T10:00:00.000Z";

    @TempDir
    Path dir;

    @Test
    void v7Store_opened_keepsEveryRow_andUnsentLicensedOrKmsClientProductsNeedNothing() throws Exception {
        SQLiteDataSource ds = RawStore.dataSource(dir);
        Flyway.configure(Store.class.getClassLoader()).dataSource(ds).locations("classpath:db/migration")
                .target("7").load().migrate();
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute("INSERT INTO appliance VALUES (1, 'lab-1', 'lab', 'Lab 1', '" + AT + "')");
            st.execute("INSERT INTO machine (id, host_name, source, first_collected_at, last_collected_at)"
                    + " VALUES (1, 'LAB-1', 'collector', '" + AT + "', '" + AT + "')");
            product(st, 10, "sku-mak-licensed", "Volume:MAK", 1, "COLLECTED", null);
            product(st, 11, "sku-gvlk", "Volume:GVLK", 2, "COLLECTED", null);
            product(st, 12, "sku-mak", "Volume:MAK", 5, "COLLECTED", null);
            product(st, 13, "sku-verified", "Volume:MAK", 1, "VERIFIED", "1".repeat(48));
            product(st, 14, "sku-rejected", "Retail", 1, "REJECTED", null);
            product(st, 15, "sku-exported", "Volume:MAK", 1, "EXPORTED", null);
            st.execute("INSERT INTO product_history (product_id, iid, cid, epid, partial_key, state, archived_at,"
                    + " reason) VALUES (13, '" + "9".repeat(63) + "', '" + "2".repeat(48) + "', 'e', 'HMK42',"
                    + " 'VERIFIED', '" + AT + "', 'new IID')");
            st.execute("INSERT INTO outbound_bundle (id, digest, envelope, created_at, file_name, record_count,"
                    + " state, exported_by) VALUES ('b1', 'd1', x'00', '" + AT + "', 'f', 1, 'WRITTEN', 'tech')");
            st.execute("INSERT INTO outbound_reference (bundle_id, reference, product_id) VALUES ('b1', 7, 15)");
            st.execute("INSERT INTO activation_saved (product_id, iid, cid, forced, applied_at) VALUES (13, 'i', 'c',"
                    + " 0, '" + AT + "')");
        }

        Store.open(dir).close();

        assertThat(RawStore.rows(dir, "SELECT id, state, state_detail FROM product ORDER BY id")).containsExactly(
                "10|NOT_NEEDED|Licensed, nothing to do",
                "11|NOT_NEEDED|Activates against your KMS host; nothing to do here",
                "12|COLLECTED|",
                "13|VERIFIED|",
                "14|NOT_NEEDED|Licensed, nothing to do",
                "15|EXPORTED|");
        assertThat(RawStore.rows(dir, "SELECT product_id, state FROM product_history")).containsExactly("13|VERIFIED");
        assertThat(RawStore.rows(dir, "SELECT bundle_id, reference, product_id FROM outbound_reference"))
                .containsExactly("b1|7|15");
        assertThat(RawStore.rows(dir, "SELECT product_id FROM activation_saved")).containsExactly("13");
        assertThat(RawStore.rows(dir, "SELECT cid FROM product WHERE id = 13")).containsExactly("1".repeat(48));
        assertThat(RawStore.rows(dir, "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'product'"
                + " AND name NOT LIKE 'sqlite_%' ORDER BY name"))
                .containsExactly("product_by_iid", "product_by_machine_name", "product_by_state");
        assertThat(RawStore.rows(dir, "SELECT name FROM sqlite_master WHERE name LIKE '%v8%'")).isEmpty();
        // the child tables still point at product, and foreign keys still hold
        assertThat(RawStore.rows(dir, "PRAGMA foreign_key_check")).isEmpty();
        try (Connection c = RawStore.dataSource(dir).getConnection(); Statement st = c.createStatement()) {
            assertThatThrownBy(() -> st.execute("INSERT INTO product_history (product_id, iid, epid, partial_key,"
                    + " state, archived_at, reason) VALUES (999, 'i', 'e', 'p', 'COLLECTED', '" + AT + "', 'r')"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("FOREIGN KEY");
            st.execute("DELETE FROM product WHERE id = 13");
        }
        // cascade still works
        assertThat(RawStore.rows(dir, "SELECT count(*) FROM product_history")).containsExactly("0");
        assertThat(RawStore.rows(dir, "SELECT count(*) FROM activation_saved")).containsExactly("0");
    }

    private static void product(Statement st, long id, String sku, String channel, int status, String state,
            String cid) throws SQLException {
        st.execute("INSERT INTO product (id, machine_id, sku_id, application_id, product_class, name, channel, epid,"
                + " license_status, iid, cid, state, state_changed_at, first_seen_at, last_seen_at) VALUES (" + id
                + ", 1, '" + sku + "', 'app', 'SoftwareLicensingProduct', 'P " + id + "', '" + channel + "', 'e', "
                + status + ", '" + String.format("%063d", id) + "', " + (cid == null ? "NULL" : "'" + cid + "'")
                + ", '" + state + "', '" + AT + "', '" + AT + "', '" + AT + "')");
    }
}
