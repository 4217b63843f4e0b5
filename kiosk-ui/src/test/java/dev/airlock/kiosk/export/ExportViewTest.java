package dev.airlock.kiosk.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.airlock.appliance.Appliance;
import dev.airlock.appliance.audit.Actor;
import dev.airlock.appliance.keys.KeyProbe;
import dev.airlock.appliance.keys.Passphrase;
import dev.airlock.appliance.keys.UnsealedKey;
import dev.airlock.appliance.devices.Stick;
import dev.airlock.appliance.devices.StickKind;
import dev.airlock.appliance.inventory.ProductState;
import dev.airlock.appliance.store.ApplianceInfo;
import dev.airlock.formats.bundle.BundleFile;
import dev.airlock.kiosk.testing.KioskViewTest;
import dev.airlock.kiosk.testing.LabData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportViewTest extends KioskViewTest {
    static final String PLANTED = "ZQXHOST-PLANTED";

    @TempDir
    Path tmp;

    private static int next = 1;

    private Appliance labWith(int machines, String planted) throws Exception {
        Appliance lab = signedIn(ApplianceInfo.Role.LAB, true);
        LabData.intake(lab, tmp.resolve("labstick"), next, machines, planted);
        next += machines;
        return lab;
    }

    private static void choose(ExportView view, Stick s) {
        view.destination.stick.setItems(List.of(s));
        view.destination.stick.setValue(s);
    }

    @Test
    void preview_leavesOutLicensedAndKmsClientProducts_andSaysHowManyAndWhy() throws Exception {
        Appliance lab = signedIn(ApplianceInfo.Role.LAB, true);
        LabData data = new LabData(lab, tmp);
        data.collect("LEFT-OUT-1", LabData.iid(9001), dev.airlock.formats.kit.LicenseStatus.LICENSED);
        data.collect("LEFT-OUT-2", LabData.iid(9002), dev.airlock.formats.kit.LicenseStatus.OOB_GRACE,
                "Volume:GVLK");
        data.collect("GOES-OUT-3", LabData.iid(9003), dev.airlock.formats.kit.LicenseStatus.NOTIFICATION);
        var counts = lab.inventory().notNeeded(java.util.Optional.empty());
        long licensed = counts.get(dev.airlock.appliance.inventory.NotNeededReason.LICENSED);
        long kms = counts.get(dev.airlock.appliance.inventory.NotNeededReason.KMS_CLIENT);

        ExportView view = navigate(ExportView.class);

        assertThat(view.plan().products()).extracting(p -> p.iid().digits())
                .contains(LabData.iid(9003)).doesNotContain(LabData.iid(9001), LabData.iid(9002));
        assertThat(view.preview.leftOut.isVisible()).isTrue();
        assertThat(view.preview.leftOut.getText()).isEqualTo((licensed + kms) + " products left out: " + licensed
                + " already licensed, " + kms + (kms == 1 ? " KMS client" : " KMS clients") + ". They need no CID,"
                + " so they stay in the lab and no activation is spent.");
    }

    @Test
    void preview_listsOnlyAllowListedFields_andNoHostName_evenInTheWrittenFile() throws Exception {
        Appliance lab = labWith(3, PLANTED);
        List<String> hosts = new java.util.ArrayList<>();
        lab.inventory().forEachProduct(dev.airlock.appliance.inventory.ProductFilter.all(), 0, 1000,
                p -> hosts.add(p.hostName()));
        assertThat(hosts).as("the planted host name was taken in").contains(PLANTED);
        ExportView view = navigate(ExportView.class);

        var grid = test(view.preview.previewGrid);
        assertThat(grid.size()).isEqualTo(view.plan().products().size()).isPositive();
        List<String> headers = List.of(grid.getHeaderCell(0), grid.getHeaderCell(1), grid.getHeaderCell(2),
                grid.getHeaderCell(3), grid.getHeaderCell(4));
        assertThat(headers).containsExactly("SKU", "Application", "Product name", "ePID", "Installation ID (IID)");
        assertThat(view.preview.previewGrid.getColumns()).hasSize(5);
        StringBuilder cells = new StringBuilder();
        for (int r = 0; r < grid.size(); r++) {
            for (int c = 0; c < 5; c++) {
                cells.append(grid.getCellText(r, c)).append('|');
            }
        }
        String shown = view.preview.getElement().getTextRecursively() + cells;
        assertThat(shown).doesNotContainIgnoringCase(PLANTED).doesNotContain("DEMO-LAB").doesNotContain("192.0.2.");
        assertThat(view.preview.notLeaving.getText()).contains("no host names", "no lab groups", "addresses", "people");

        Path stick = Files.createDirectories(tmp.resolve("STICK1"));
        choose(view, LabData.stick(stick, StickKind.EMPTY, 0));
        test(view.destination.write).click();
        LabData.await(() -> view.result.isVisible() || !view.destination.message.getText().isEmpty()
                && !view.destination.progress.isVisible());
        Path file;
        try (Stream<Path> files = Files.list(stick.resolve("AIRLOCK/outbound"))) {
            file = files.filter(f -> f.toString().endsWith(".xml")).findFirst().orElseThrow();
        }
        String written = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(written.toLowerCase(Locale.ROOT)).doesNotContain(PLANTED.toLowerCase(Locale.ROOT))
                .doesNotContain("demo-lab");
        String envelope = new String(BundleFile.read(file).envelope(), StandardCharsets.UTF_8);
        assertThat(envelope.toLowerCase(Locale.ROOT)).doesNotContain(PLANTED.toLowerCase(Locale.ROOT));
    }

    @Test
    void export_afterTheSupervisorsUnlock_derivesNoKey_andAfterSealingTheKeyIsZeroedAndNeedsThePassphrase()
            throws Exception {
        Appliance lab = labWith(2, null);
        seal.seal();
        try (Passphrase p = Passphrase.of(PASSPHRASE)) {
            seal.unlock(p, PASSPHRASE.toCharArray(), new Actor("supervisor (unlock)"));
        }
        long derivations = KeyProbe.derivations();
        ExportView view = navigate(ExportView.class);
        Path stick = Files.createDirectories(tmp.resolve("UNLOCKED"));
        choose(view, LabData.stick(stick, StickKind.EMPTY, 0));
        test(view.destination.write).click();
        LabData.await(() -> view.result.isVisible() || !view.destination.message.getText().isEmpty()
                && !view.destination.progress.isVisible());
        assertThat(view.result.isVisible()).as(view.destination.message.getText()).isTrue();
        // the same service call once more, as the view makes it
        Actor actor = session().actor();
        assertThat(lab.export().run(dev.airlock.appliance.export.ExportOptions.to(stick).withAgain(true),
                seal.signingKey(actor), actor).products()).isPositive();
        try (Stream<Path> files = Files.list(stick.resolve("AIRLOCK/outbound"))) {
            assertThat(files.filter(f -> f.toString().endsWith(".xml"))).hasSize(2);
        }
        assertThat(KeyProbe.derivations()).as("Argon2id derivations after the unlock").isEqualTo(derivations);

        UnsealedKey held = seal.signingKey(session().actor());
        assertThat(KeyProbe.derivations()).isEqualTo(derivations);
        seal.seal();
        assertThat(KeyProbe.isZeroed(held)).isTrue();
        assertThat(seal.isSealed()).isTrue();
        assertThatThrownBy(() -> seal.signingKey(session().actor())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("unlock");
        try (Passphrase p = Passphrase.of(PASSPHRASE)) {
            seal.unlock(p, PASSPHRASE.toCharArray(), new Actor("supervisor (unlock)"));
        }
        assertThat(KeyProbe.derivations()).as("a new unlock derives once").isEqualTo(derivations + 1);
    }

    @Test
    void export_toLabStick_isRefusedWithTheReason_andNothingBecomesExported() throws Exception {
        Appliance lab = labWith(2, null);
        long exported = LabData.count(lab, ProductState.EXPORTED);
        long collected = LabData.count(lab, ProductState.COLLECTED);
        Path labStick = tmp.resolve("LABSTICK");
        Files.createDirectories(labStick.resolve("AIRLOCK/collected"));
        Files.writeString(labStick.resolve("AIRLOCK/collected/PC-1_x.xml"), "<x/>");
        ExportView view = navigate(ExportView.class);
        choose(view, LabData.stick(labStick, StickKind.LAB, 0));

        test(view.destination.write).click();

        assertThat(view.destination.message.getText()).contains("Refused").contains("is a lab stick")
                .contains("AIRLOCK/collected");
        assertThat(view.result.isVisible()).isFalse();
        assertThat(Files.exists(labStick.resolve("AIRLOCK/outbound"))).isFalse();
        assertThat(LabData.count(lab, ProductState.EXPORTED)).isEqualTo(exported);
        assertThat(LabData.count(lab, ProductState.COLLECTED)).isEqualTo(collected);
    }

    @Test
    void export_toEmptyStick_writesOutboundBundle_productsBecomeExported_andOffersSafeEject() throws Exception {
        Appliance lab = labWith(3, null);
        ExportView view = navigate(ExportView.class);
        int chosen = view.plan().products().size();
        long exported = LabData.count(lab, ProductState.EXPORTED);
        Path stick = Files.createDirectories(tmp.resolve("STICK2"));
        choose(view, LabData.stick(stick, StickKind.EMPTY, 0));

        test(view.destination.write).click();
        LabData.await(() -> view.result.isVisible() || view.destination.message.getText().startsWith("Export failed")
                || view.destination.message.getText().startsWith("Refused"));

        assertThat(view.destination.message.getText()).isEmpty();
        try (Stream<Path> files = Files.list(stick.resolve("AIRLOCK/outbound"))) {
            assertThat(files.filter(f -> f.getFileName().toString().endsWith(".xml")).toList()).hasSize(1);
        }
        assertThat(LabData.count(lab, ProductState.EXPORTED)).isEqualTo(exported + chosen);
        assertThat(view.result.getElement().getTextRecursively()).contains(chosen + " products", ".xml",
                "now EXPORTED");
        assertThat(view.eject.isVisible()).isTrue();
        assertThat(view.plan().products()).isEmpty();
        assertThat(view.destination.write.isEnabled()).isFalse();
    }

    @Test
    void showQr_exportsAndShowsFramesInTheDialog() throws Exception {
        Appliance lab = labWith(2, null);
        ExportView view = navigate(ExportView.class);
        int chosen = view.plan().products().size();
        long exported = LabData.count(lab, ProductState.EXPORTED);

        test(view.destination.showQr).click();
        LabData.await(() -> view.qrDialog.qrDisplay != null || view.destination.message.getText().startsWith("Export failed"));

        assertThat(view.qrDialog.isOpened()).isTrue();
        view.qrDialog.qrDisplay.setPlaying(false);
        assertThat(view.qrDialog.qrDisplay.frameCount()).isPositive();
        assertThat(view.qrDialog.qrDisplay.frameIndex()).isZero();
        assertThat(LabData.count(lab, ProductState.EXPORTED)).isEqualTo(exported + chosen);
    }
}
