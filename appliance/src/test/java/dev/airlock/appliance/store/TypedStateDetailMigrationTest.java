package dev.airlock.appliance.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.appliance.audit.AuditService;
import dev.airlock.appliance.inventory.ErrorCode;
import dev.airlock.appliance.inventory.InventoryService;
import dev.airlock.appliance.inventory.Product;
import dev.airlock.appliance.inventory.ProductFilter;
import dev.airlock.appliance.inventory.StateDetail;
import dev.airlock.appliance.inventory.ManualEntry;
import dev.airlock.appliance.reimage.Reimage;
import dev.airlock.appliance.testing.Samples;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/**
 * V10 gives the typed parts of a product's state detail their own columns: a store written by
 * version 9 keeps every detail's text exactly, with forced reuse and error codes now read as values.
 */
class TypedStateDetailMigrationTest {
    private static final String AT = "2026-11-22T10:00:00.000Z";
    private static final String FORCED = "forced reuse by supervisor: CID of the earlier IID 1 (archived " + AT
            + ") for IID 2; WARNING: the CID was obtained for another IID";
    private static final String REJECTED = "0x7F: MAK activation limit reached: add activations to the MAK"
            + " (gateway: limit exceeded)";

    @TempDir
    Path dir;

    @Test
    void v9Store_opened_forcedReuseAndErrorCodeBecomeTypedFields_andEveryDetailReadsAsBefore() throws Exception {
        Map<Long, String[]> rows = new LinkedHashMap<>();
        rows.put(10L, new String[] {"REUSABLE", FORCED});
        rows.put(11L, new String[] {"REUSABLE", "forced reuse"});
        rows.put(12L, new String[] {"REJECTED", REJECTED});
        rows.put(13L, new String[] {"REJECTED", "0x0: zero (gateway: odd)"});
        rows.put(14L, new String[] {"REJECTED", "0x07F: not the form the appliance writes"});
        rows.put(15L, new String[] {"REJECTED", "0x7F"});
        rows.put(16L, new String[] {"APPLY_FAILED", "0xC004F04D: the CID was not accepted"});
        rows.put(17L, new String[] {"EXPORTED", "in request 1a2b3c4d"});
        rows.put(18L, new String[] {"COLLECTED", ""});
        rows.put(19L, new String[] {"REUSABLE", "forced reuseless words"});
        SQLiteDataSource ds = RawStore.dataSource(dir);
        Flyway.configure(Store.class.getClassLoader()).dataSource(ds).locations("classpath:db/migration")
                .target("9").load().migrate();
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute("INSERT INTO appliance VALUES (1, 'lab-1', 'lab', 'Lab 1', '" + AT + "')");
            for (Map.Entry<Long, String[]> r : rows.entrySet()) {
                long id = r.getKey();
                st.execute("INSERT INTO machine (id, host_name, source, first_collected_at, last_collected_at)"
                        + " VALUES (" + id + ", 'LAB-" + id + "', 'collector', '" + AT + "', '" + AT + "')");
                product(st, id, r.getValue()[0], r.getValue()[1]);
            }
        }

        Store.open(dir).close();

        assertThat(RawStore.rows(dir,
                "SELECT id, forced_reuse, COALESCE(error_code, '-'), state_detail FROM product ORDER BY id"))
                .containsExactly(
                        "10|1|-|" + FORCED.substring("forced reuse ".length()),
                        "11|1|-|",
                        "12|0|0x7F|" + REJECTED.substring("0x7F: ".length()),
                        "13|0|0x0|zero (gateway: odd)",
                        "14|0|-|0x07F: not the form the appliance writes",
                        "15|0|-|0x7F",
                        "16|0|-|0xC004F04D: the CID was not accepted",
                        "17|0|-|in request 1a2b3c4d",
                        "18|0|-|",
                        "19|0|-|forced reuseless words");
        try (Store store = Store.open(dir)) {
            InventoryService inventory = new InventoryService(store, new AuditService(store, Samples.CLOCK),
                    Samples.CLOCK, Reimage.rules());
            Map<Long, StateDetail> read = inventory.products(ProductFilter.all(), 0, 100).stream()
                    .collect(Collectors.toMap(Product::id, Product::stateDetail));
            rows.forEach((id, r) -> assertThat(read.get(id).text()).as("product %d", id).isEqualTo(r[1]));
            assertThat(read.get(10L)).isInstanceOf(StateDetail.ForcedReuse.class);
            assertThat(read.get(11L)).isInstanceOf(StateDetail.ForcedReuse.class);
            assertThat(read.get(12L)).isEqualTo(new StateDetail.Rejection(new ErrorCode(0x7F),
                    REJECTED.substring("0x7F: ".length())));
            assertThat(read.get(13L)).isEqualTo(new StateDetail.Rejection(new ErrorCode(0), "zero (gateway: odd)"));
            assertThat(read.entrySet()).filteredOn(e -> e.getKey() >= 14).extracting(Map.Entry::getValue)
                    .allSatisfy(d -> assertThat(d).isInstanceOf(StateDetail.Note.class));
        }
    }

    private static void product(Statement st, long id, String state, String detail) throws SQLException {
        ManualEntry e = Samples.manualEntry((int) id);
        st.execute("INSERT INTO product (id, machine_id, sku_id, application_id, product_class, name, channel, epid,"
                + " license_status, iid, cid, state, state_detail, state_changed_at, first_seen_at, last_seen_at)"
                + " VALUES (" + id + ", " + id + ", '" + e.skuId() + "', '" + e.applicationId() + "',"
                + " 'SoftwareLicensingProduct', 'P " + id + "', 'Volume:MAK', '" + e.epid() + "', 5, '"
                + e.iid().digits() + "', " + (state.equals("REUSABLE") ? "'" + "1".repeat(48) + "'" : "NULL") + ", '"
                + state + "', '" + detail.replace("'", "''") + "', '" + AT + "', '" + AT + "', '" + AT + "')");
    }
}
