package dev.airlock.kiosk.reimage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.appliance.Appliance;
import dev.airlock.appliance.audit.AuditEntry;
import dev.airlock.appliance.inventory.Product;
import dev.airlock.appliance.inventory.ProductState;
import dev.airlock.appliance.store.ApplianceInfo;
import dev.airlock.formats.kit.ApplyResult;
import dev.airlock.formats.kit.LicenseStatus;
import dev.airlock.kiosk.testing.KioskViewTest;
import dev.airlock.kiosk.testing.LabData;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReimageViewTest extends KioskViewTest {
    @TempDir
    Path tmp;

    /** One export and answer for the whole class (the passphrase check is deliberately slow). */
    private static boolean prepared;

    private LabData lab(boolean supervisor) throws Exception {
        Appliance lab = signedIn(ApplianceInfo.Role.LAB, supervisor);
        LabData data = new LabData(lab, tmp);
        if (!prepared) {
            for (int i = 1; i <= 3; i++) {
                data.collect("REIMAGE-PC-0" + i, LabData.iid(100 + i), LicenseStatus.NOTIFICATION);
            }
            data.roundTrip();
            prepared = true;
        }
        return data;
    }

    /** A verified machine reinstalled with a new IID: COLLECTED again, its earlier CID in the history. */
    private Product reinstalledWithANewIid(LabData data, String host, long n) throws Exception {
        Path stick = Files.createDirectories(tmp.resolve("results-" + n));
        LabData.writeResult(stick, host, LabData.iid(n), ApplyResult.Result.DEPOSITED, 0, LicenseStatus.LICENSED);
        data.intakeResults(stick);
        assertThat(data.only(host).state()).isEqualTo(ProductState.VERIFIED);
        data.collect(host, LabData.iid(n + 500), LicenseStatus.NOTIFICATION);
        Product p = data.only(host);
        assertThat(p.state()).isEqualTo(ProductState.COLLECTED);
        return p;
    }

    @Test
    void technician_seesReusableProductsAndSavings_butNotTheOverride() throws Exception {
        LabData data = lab(false);
        Path stick = Files.createDirectories(tmp.resolve("results"));
        LabData.writeResult(stick, "REIMAGE-PC-01", LabData.iid(101), ApplyResult.Result.DEPOSITED, 0,
                LicenseStatus.LICENSED);
        data.intakeResults(stick);
        // reimaged with the same IID: REUSABLE, no round trip needed
        data.collect("REIMAGE-PC-01", LabData.iid(101), LicenseStatus.NOTIFICATION);

        ReimageView view = navigate(ReimageView.class);

        assertThat(view.reusable.getListDataView().getItems()).anyMatch(p -> p.hostName().equals("REIMAGE-PC-01")
                && p.state() == ProductState.REUSABLE);
        assertThat(view.saved.getText()).contains("Activations saved");
        assertThat(view.toApply.isEnabled()).isTrue();
        assertThat(view.override.isVisible()).isFalse();
        assertThat(view.overrideProduct.isVisible()).isFalse();
        assertThat(view.overrideSection.getElement().getTextRecursively()).contains("Only a supervisor");
    }

    @Test
    void supervisorOverride_asksForConfirmationFirst_thenReusesTheCid_andIsAudited() throws Exception {
        LabData data = lab(true);
        Product p = reinstalledWithANewIid(data, "REIMAGE-PC-02", 102);
        ReimageView view = navigate(ReimageView.class);
        assertThat(view.override.isVisible()).isTrue();

        view.overrideProduct.setValue(p);
        test(view.override).click();
        roundTrip();

        assertThat(view.confirmDialog.isOpened()).isTrue();
        assertThat(view.confirmDialog.getElement().getTextRecursively()).contains("most likely refuse")
                .contains("audit log");
        assertThat(data.only("REIMAGE-PC-02").state()).isEqualTo(ProductState.COLLECTED);

        test(view.confirm).click();

        Product now = data.only("REIMAGE-PC-02");
        assertThat(now.state()).isEqualTo(ProductState.REUSABLE);
        assertThat(now.cid()).isNotEmpty();
        assertThat(view.confirmDialog.isOpened()).isFalse();
        assertThat(view.overrideResult.getText()).contains("REIMAGE-PC-02");
        assertThat(view.reusable.getListDataView().getItems()).anyMatch(x -> x.id() == p.id());
        assertThat(holder.get().audit().recent(10, "product " + p.id())).extracting(AuditEntry::details)
                .anyMatch(d -> d.contains("Windows may refuse it") && d.contains("Sam Supervisor"));
    }

    @Test
    void supervisorOverride_cancelled_changesNothing() throws Exception {
        LabData data = lab(true);
        Product p = reinstalledWithANewIid(data, "REIMAGE-PC-03", 103);
        ReimageView view = navigate(ReimageView.class);
        view.overrideProduct.setValue(p);
        test(view.override).click();
        roundTrip();

        test(view.cancel).click();

        assertThat(view.confirmDialog.isOpened()).isFalse();
        assertThat(data.only("REIMAGE-PC-03").state()).isEqualTo(ProductState.COLLECTED);
    }
}
