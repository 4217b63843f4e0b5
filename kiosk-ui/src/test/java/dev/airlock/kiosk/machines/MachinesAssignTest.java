package dev.airlock.kiosk.machines;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.appliance.Appliance;
import dev.airlock.appliance.audit.Actor;
import dev.airlock.appliance.audit.AuditEntry;
import dev.airlock.appliance.inventory.ManualEntry;
import dev.airlock.appliance.inventory.Product;
import dev.airlock.appliance.inventory.ProductFilter;
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

/** Lab groups from the kiosk, as {@code airlock assign} does: ticked rows or a machine's page, into a group. */
class MachinesAssignTest extends KioskViewTest {
    private static final Actor TECH = new Actor("test");
    private Appliance a;

    @BeforeEach
    void sixMachines() throws Exception {
        a = signedIn(ApplianceInfo.Role.LAB, false);
        if (a.inventory().countProducts(ProductFilter.all()) == 0) {
            for (int n = 1; n <= 6; n++) {
                a.inventory().addManual(entry("ROOM-PC-" + n, n), TECH);
            }
        }
    }

    private static ManualEntry entry(String host, int n) throws Exception {
        return new ManualEntry(host, Optional.empty(), SkuId.parse("73111121-5638-40f6-bc11-f1d7b0d64300"),
                ApplicationId.WINDOWS, "Windows(R), Enterprise edition",
                ExtendedProductId.parse("03612-03308-000-000000-03-1033-9200.0000-0242016"),
                InstallationId.parse(String.format("%063d", 8_000_000L + n)), Optional.empty(), "Volume:MAK",
                LicenseStatus.NOTIFICATION);
    }

    private long machineId(String host) {
        return a.inventory().machine(host).orElseThrow().machine().id();
    }

    @Test
    void tickedRows_assignedToANewGroup_moveAndTheGroupFilterFindsThem() {
        MachinesView view = navigate(MachinesView.class);
        assertThat(view.assign.assign.isEnabled()).isFalse();
        test(view.search).setValue("ROOM-PC-");
        List<Product> rows = view.grid.getGenericDataView().getItems().filter(p -> p.hostName().equals("ROOM-PC-1")
                || p.hostName().equals("ROOM-PC-2")).toList();
        rows.forEach(view.grid::select);
        assertThat(view.assign.assign.getText()).isEqualTo("Assign 2 machines to the group");
        assertThat(view.assign.assign.isEnabled()).isFalse(); // no group chosen yet

        view.assign.group.setValue("Room 204");
        assertThat(view.assign.assign.isEnabled()).isTrue();
        test(view.assign.assign).click();

        assertThat(view.assign.result.getText()).isEqualTo("2 machines moved to the group Room 204.");
        assertThat(a.inventory().machine("ROOM-PC-1").orElseThrow().machine().group()).isEqualTo("Room 204");
        assertThat(a.inventory().machine("ROOM-PC-3").orElseThrow().machine().group()).isEmpty();
        assertThat(a.audit().recent(5, "machine " + machineId("ROOM-PC-2"))).extracting(AuditEntry::action)
                .contains("machine.group");
        assertThat(view.grid.getSelectedItems()).isEmpty();
        assertThat(view.group.getListDataView().getItems()).contains("Room 204");
        view.group.setValue("Room 204");
        assertThat(test(view.grid).size()).isEqualTo(2);
    }

    @Test
    void machinePage_assignsThatMachine_andShowsItsNewGroup() {
        long id = machineId("ROOM-PC-5");
        MachineDetailView view = navigate(MachineDetailView.class, Map.of("key", String.valueOf(id)));
        assertThat(view.assign.assign.getText()).isEqualTo("Assign 1 machine to the group");
        view.assign.group.setValue("Bench 3");
        test(view.assign.assign).click();

        assertThat(view.assign.result.getText()).isEqualTo("1 machine moved to the group Bench 3.");
        assertThat(view.facts.getElement().getTextRecursively()).contains("Bench 3");
        assertThat(view.history.getElement().getTextRecursively()).contains("Bench 3");

        test(view.assign.assign).click();
        assertThat(view.assign.result.getText()).isEqualTo("Nothing moved: the machine is already in the group"
                + " Bench 3.");
    }
}
