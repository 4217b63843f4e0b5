package dev.airlock.kiosk.machines;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.appliance.Appliance;
import dev.airlock.appliance.audit.Actor;
import dev.airlock.appliance.inventory.ManualEntry;
import dev.airlock.appliance.inventory.Product;
import dev.airlock.appliance.inventory.ProductFilter;
import dev.airlock.appliance.inventory.ProductState;
import dev.airlock.appliance.store.ApplianceInfo;
import dev.airlock.formats.ids.ApplicationId;
import dev.airlock.formats.ids.ExtendedProductId;
import dev.airlock.formats.ids.InstallationId;
import dev.airlock.formats.ids.SkuId;
import dev.airlock.formats.kit.LicenseStatus;
import dev.airlock.kiosk.testing.KioskViewTest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MachinesViewTest extends KioskViewTest {
    private static final Actor TECH = new Actor("test");
    private Appliance a;

    @BeforeEach
    void twelveMachines() throws Exception {
        a = signedIn(ApplianceInfo.Role.LAB, false);
        if (a.inventory().countProducts(ProductFilter.all()) == 0) {
            for (int n = 1; n <= 12; n++) {
                a.inventory().addManual(entry("PC-" + (n % 2 == 0 ? "EVEN" : "ODD") + "-" + n, n), TECH);
            }
        }
    }

    private static ManualEntry entry(String host, int n) throws Exception {
        return new ManualEntry(host, Optional.empty(), SkuId.parse("73111121-5638-40f6-bc11-f1d7b0d64300"),
                ApplicationId.WINDOWS, "Windows(R), Enterprise edition",
                ExtendedProductId.parse("03612-03308-000-000000-03-1033-9200.0000-0242016"),
                InstallationId.parse(String.format("%063d", 7_000_000L + n)), Optional.empty(), "Volume:MAK",
                LicenseStatus.NOTIFICATION);
    }

    @Test
    void grid_filteredByHost_showsOnlyMatchingRows() {
        MachinesView view = navigate(MachinesView.class);
        assertThat(test(view.grid).size()).isEqualTo(12);
        test(view.search).setValue("even");
        assertThat(test(view.grid).size()).isEqualTo(6);
        for (int i = 0; i < 6; i++) {
            assertThat(test(view.grid).getRow(i).hostName()).startsWith("PC-EVEN-");
        }
        test(view.search).setValue("PC-ODD-11");
        assertThat(test(view.grid).size()).isEqualTo(1);
        assertThat(test(view.grid).getCellText(0, 0)).isEqualTo("PC-ODD-11");
        view.state.setValue(ProductState.EXPORTED);
        assertThat(test(view.grid).size()).isZero();
        view.state.setValue(ProductState.COLLECTED);
        assertThat(test(view.grid).size()).isEqualTo(1);
    }

    @Test
    void fetch_pagesWithTheFilter() {
        ProductFilter f = ProductFilter.all().withSearch("PC-");
        List<Product> page = MachinesView.fetch(a.inventory(), f, 5, 5);
        assertThat(page).hasSize(5);
        assertThat(MachinesView.fetch(a.inventory(), f, 10, 50)).hasSize(2);
        assertThat(a.inventory().countProducts(f)).isEqualTo(12);
    }

    @Test
    void detail_showsProductsHistoryAndAudit() {
        long id = a.inventory().machine("PC-ODD-3").orElseThrow().machine().id();
        a.inventory().assignGroup(List.of(id), "Room 101", TECH);
        MachinesView list = navigate(MachinesView.class);
        test(list.search).setValue("PC-ODD-3");
        test(list.grid).clickRow(0);
        MachineDetailView view = (MachineDetailView) getCurrentView();
        assertThat(view.title.getText()).isEqualTo("PC-ODD-3");
        assertThat(view.products.getElement().getTextRecursively()).contains("Windows(R), Enterprise edition",
                "Collected", "0000000");
        assertThat(view.history.getElement().getTextRecursively()).contains("group", "Room 101");
        assertThat(view.audit.getElement().getTextRecursively()).contains("machine.added", "machine.group");

        MachineDetailView missing = navigate(MachineDetailView.class, Map.of("key", "999999"));
        assertThat(missing.title.getText()).isEqualTo("No such machine");
    }
}
