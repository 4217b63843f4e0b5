package dev.airlock.appliance.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.appliance.Appliance;
import dev.airlock.appliance.testing.Samples;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The read-only queries behind the kiosk's machine grid and manual entry. */
class InventoryQueriesTest {
    @TempDir
    Path tmp;

    private Appliance app;

    @BeforeEach
    void threeManualEntries() {
        app = Samples.initLab(tmp.resolve("data"));
        for (int n = 1; n <= 3; n++) {
            app.inventory().addManual(Samples.manualEntry(n), Samples.TECHNICIAN);
        }
        app.inventory().addManual(Samples.manualEntry(12), Samples.TECHNICIAN);
    }

    @Test
    void productPage_isReadInListOrderThroughIndexes_neverSortingTheWholeTable() throws Exception {
        for (ProductFilter f : java.util.List.of(ProductFilter.all(), ProductFilter.all().withState(ProductState.COLLECTED),
                ProductFilter.all().withSearch("PC-1"), ProductFilter.all().withGroup("g"))) {
            String sql = InventoryQueryRepository.pageSql(f).replaceAll(":[a-z]+", "?");
            StringBuilder plan = new StringBuilder();
            try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + tmp.resolve("data/airlock.db"));
                    var st = c.prepareStatement("EXPLAIN QUERY PLAN " + sql)) {
                try (var rs = st.executeQuery()) {
                    while (rs.next()) {
                        plan.append(rs.getString("detail")).append('\n');
                    }
                }
            }
            assertThat(plan.toString()).as("plan for %s", f)
                    .contains("USING INDEX machine_by_host", "USING INDEX product_by_machine_name")
                    .doesNotContain("TEMP B-TREE");
        }
    }

    @Test
    void countProducts_countsWhatTheFilterPagesThrough() {
        var inv = app.inventory();
        assertThat(inv.countProducts(ProductFilter.all())).isEqualTo(4);
        assertThat(inv.countProducts(ProductFilter.all().withSearch("PC-1"))).isEqualTo(2);
        assertThat(inv.products(ProductFilter.all().withSearch("PC-1"), 0, 50)).extracting(Product::hostName)
                .containsExactly("LAB-PC-1", "LAB-PC-12");
        assertThat(inv.countProducts(ProductFilter.all().withState(ProductState.EXPORTED))).isZero();
        assertThat(inv.countProducts(ProductFilter.all().withGroup("nope"))).isZero();
    }

    @Test
    void knownProducts_listsEachSkuOnceWithItsIdentifiers() {
        assertThat(app.inventory().knownProducts()).singleElement().satisfies(k -> {
            assertThat(k.skuId()).isEqualTo("73111121-5638-40f6-bc11-f1d7b0d64300");
            assertThat(k.name()).isEqualTo("Windows(R), Enterprise edition");
            assertThat(k.epid()).isNotBlank();
            assertThat(k.channel()).isEqualTo("Volume:MAK");
        });
    }
}
