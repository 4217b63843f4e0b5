package dev.airlock.appliance.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.airlock.appliance.inventory.Product;
import dev.airlock.appliance.inventory.ProductState;
import dev.airlock.formats.ids.ApplicationId;
import dev.airlock.formats.ids.ConfirmationId;
import dev.airlock.formats.ids.ExtendedProductId;
import dev.airlock.formats.ids.InstallationId;
import dev.airlock.formats.ids.InvalidIdException;
import dev.airlock.formats.ids.SkuId;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The one rule that says how a CID goes in by hand: slmgr /atp, or ospp.vbs /actcid for Office 2010. */
class ApplyCommandTest {
    private static final String CID = "123456".repeat(8);
    private static final String SKU = "11111111-0000-4000-8000-000000000042";

    private static Product product(String app, String cid) {
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        try {
            return new Product(7, 1, "PC-1", "", SkuId.parse(SKU), ApplicationId.parse(app), "", "Product", "",
                    "ABCDE", "Volume:MAK", ExtendedProductId.parse("03612-03308-000-000000-03-1033-9200.0000-0242016"),
                    5, 0, InstallationId.parse("1".repeat(63)),
                    cid.isEmpty() ? Optional.empty() : Optional.of(ConfirmationId.parse(cid)), ProductState.REUSABLE,
                    dev.airlock.appliance.inventory.StateDetail.none(), t, t, t);
        } catch (InvalidIdException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void windowsAndOffice2013Plus_useSlmgrAtp_withTheCidAndTheActivationId() {
        ApplyCommand command = ApplyCommand.of(product(ApplicationId.WINDOWS.toString(), CID));
        assertThat(command).isInstanceOf(ApplyCommand.SlmgrAtp.class);
        assertThat(command.commandLine()).isEqualTo("slmgr /atp " + CID + " " + SKU);
    }

    @Test
    void office2010_usesOsppActcid() {
        ApplyCommand command = ApplyCommand.of(
                product(ApplicationId.OFFICE_2010.toString().toUpperCase(), CID));
        assertThat(command).isInstanceOf(ApplyCommand.OsppActCid.class);
        assertThat(command.commandLine()).isEqualTo("cscript ospp.vbs /actcid:" + CID);
    }

    @Test
    void withoutACid_saysThereIsNothingToApply() {
        assertThatThrownBy(() -> ApplyCommand.of(product(ApplicationId.WINDOWS.toString(), "")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has no CID yet");
    }

    @Test
    void waitingStates_areCidReceivedReusableAndApplyFailed() {
        assertThat(Apply.WAITING_FOR_APPLY).containsExactly(ProductState.CID_RECEIVED,
                ProductState.REUSABLE, ProductState.APPLY_FAILED);
    }
}
