package dev.airlock.appliance.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.appliance.audit.AuditEvent.Row;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Each inventory event renders the very row the services wrote by hand before (golden strings). */
class InventoryEventsTest {
    @Test
    void productTransitioned_rendersHostStatesAndDetail() {
        assertThat(new InventoryEvents.ProductTransitioned(40, "LAB-PC-01", ProductEvent.CID_RECEIVED,
                ProductState.EXPORTED, ProductState.CID_RECEIVED, StateDetail.note("CID from response 1a2b3c4d")).row())
                .isEqualTo(new Row("product.cid_received", "product 40",
                        "host=LAB-PC-01; EXPORTED -> CID_RECEIVED; CID from response 1a2b3c4d"));
    }

    @Test
    void productTransitioned_withoutDetail_endsAtTheNewState() {
        assertThat(new InventoryEvents.ProductTransitioned(3, "pc", ProductEvent.APPLY,
                ProductState.CID_RECEIVED, ProductState.APPLIED, StateDetail.none()).row())
                .isEqualTo(new Row("product.apply", "product 3", "host=pc; CID_RECEIVED -> APPLIED"));
    }

    @Test
    void productTransitioned_rejection_showsTheErrorCodeFirst() {
        assertThat(new InventoryEvents.ProductTransitioned(3, "pc", ProductEvent.REJECT, ProductState.EXPORTED,
                ProductState.REJECTED, new StateDetail.Rejection(new ErrorCode(0x7F), "MAK limit reached"))
                .row().details())
                .isEqualTo("host=pc; EXPORTED -> REJECTED; 0x7F: MAK limit reached");
    }

    @Test
    void machineAdded_fromACollectorFile_rendersProductsSourceAndGroup() {
        assertThat(new InventoryEvents.MachineAdded(12, "LAB-PC-01", 3, 0, "LAB-PC-01.xml",
                Optional.of("Room 2")).row())
                .isEqualTo(new Row("machine.added", "machine 12",
                        "host=LAB-PC-01; products=3; source=LAB-PC-01.xml; group=Room 2"));
    }

    @Test
    void machineAdded_withProductsThatNeedNoCid_countsThem() {
        assertThat(new InventoryEvents.MachineAdded(12, "pc", 1, 1, "manual entry", Optional.empty()).row().details())
                .isEqualTo("host=pc; products=1; need no CID=1; source=manual entry");
    }

    @Test
    void machineUpdated_listsTheChanges() {
        assertThat(new InventoryEvents.MachineUpdated(12, "LAB-PC-02", "LAB-PC-02.xml",
                List.of("host 'LAB-PC-01' -> 'LAB-PC-02'", "group (none) -> Room 2")).row())
                .isEqualTo(new Row("machine.updated", "machine 12",
                        "host=LAB-PC-02; source=LAB-PC-02.xml; host 'LAB-PC-01' -> 'LAB-PC-02';"
                                + " group (none) -> Room 2"));
    }

    @Test
    void machineRegrouped_showsNoGroupAsNone() {
        assertThat(new InventoryEvents.MachineRegrouped(12, "", "Room 2").row())
                .isEqualTo(new Row("machine.group", "machine 12", "group (none) -> Room 2"));
        assertThat(new InventoryEvents.MachineRegrouped(12, "Room 2", "Room 3").row().details())
                .isEqualTo("group Room 2 -> Room 3");
    }

    @Test
    void productEvent_auditAction_isProductAndTheLowerCaseName() {
        assertThat(ProductEvent.EXPORT.auditAction()).isEqualTo("product.export");
        assertThat(ProductEvent.FORCE_REUSE.auditAction()).isEqualTo("product.force_reuse");
    }
}
