package dev.airlock.kiosk.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.textfield.TextField;
import dev.airlock.appliance.Appliance;
import dev.airlock.appliance.audit.Actor;
import dev.airlock.appliance.config.Setting;
import dev.airlock.appliance.devices.Stick;
import dev.airlock.appliance.devices.StickKind;
import dev.airlock.appliance.export.ExportOptions;
import dev.airlock.appliance.export.ExportResult;
import dev.airlock.appliance.gateway.StandInBatchActivation;
import dev.airlock.appliance.inventory.ManualEntry;
import dev.airlock.appliance.inventory.Product;
import dev.airlock.appliance.inventory.ProductFilter;
import dev.airlock.appliance.inventory.ProductState;
import dev.airlock.appliance.keys.CheapKeys;
import dev.airlock.appliance.keys.Passphrase;
import dev.airlock.appliance.merge.MergeOutcome;
import dev.airlock.appliance.store.ApplianceInfo;
import dev.airlock.formats.bundle.BundleFile;
import dev.airlock.formats.ids.ApplicationId;
import dev.airlock.formats.ids.ExtendedProductId;
import dev.airlock.formats.ids.GroupCheck;
import dev.airlock.formats.ids.InstallationId;
import dev.airlock.formats.ids.PartialProductKey;
import dev.airlock.formats.ids.SkuId;
import dev.airlock.formats.kit.LicenseStatus;
import dev.airlock.formats.qr.QrEncoder;
import dev.airlock.formats.qr.QrOptions;
import dev.airlock.formats.signature.PublicKey;
import dev.airlock.kiosk.core.KioskBeans.KioskSettings;
import dev.airlock.kiosk.qr.QrScanPanel;
import dev.airlock.kiosk.testing.KioskViewTest;
import dev.airlock.kiosk.testing.LabData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

class GatewayViewTest extends KioskViewTest {
    private static final Actor TECH = new Actor("lab tech");
    private static final String SKU = "73111121-5638-40f6-bc11-f1d7b0d64300";
    private static final String EPID = "03612-03308-000-000000-03-1033-9200.0000-0242016";
    private static final String LAB_PASS = "correct horse battery staple";

    @TempDir
    Path tmp;
    @Autowired
    KioskSettings settings;

    Appliance gateway;
    Appliance lab;
    StandInBatchActivation service;

    @BeforeEach
    void setUp() throws Exception {
        gateway = signedIn(ApplianceInfo.Role.GATEWAY, false);
        lab = newLab("lab", "Lab 3", true);
        service = StandInBatchActivation.start();
        settings.set(Setting.GATEWAY_ENDPOINT, service.endpoint().toString());
        settings.set(Setting.GATEWAY_RETRIES, "0");
    }

    @AfterEach
    void tearDown() {
        service.close();
        lab.close();
    }

    /** A lab appliance in its own data dir; its key card trusted on the gateway when {@code pinned}. */
    private Appliance newLab(String dir, String name, boolean pinned) throws Exception {
        Appliance a = Appliance.init(tmp.resolve(dir), ApplianceInfo.Role.LAB, name, TECH, Clock.systemUTC(),
                new SplittableRandom(dir.hashCode()), CheapKeys.prepare(LAB_PASS), d -> { });
        PublicKey gwKey = gateway.keys().publicKey();
        a.enroll().pin(ApplianceInfo.Role.GATEWAY, "Gateway", gwKey, gwKey.fingerprint(), TECH);
        if (pinned) {
            PublicKey labKey = a.keys().publicKey();
            String label = name + " (" + System.nanoTime() % 100_000 + ")";
            gateway.enroll().pin(ApplianceInfo.Role.LAB, label, labKey, labKey.fingerprint(), TECH);
        }
        return a;
    }

    /** {@code n} products on {@code from}... exported by {@code a} onto a fresh transfer stick folder. */
    private Path requestOnAStick(Appliance a, long from, int n) throws Exception {
        for (long i = from; i < from + n; i++) {
            a.inventory().addManual(new ManualEntry("GW-PC-" + i, Optional.empty(), SkuId.parse(SKU),
                    ApplicationId.WINDOWS, "Windows(R), Enterprise edition", ExtendedProductId.parse(EPID),
                    InstallationId.parse(String.format("%063d", 5_000_000L + i)),
                    Optional.of(PartialProductKey.parse("HMK42")), "Volume:MAK", LicenseStatus.NOTIFICATION), TECH);
        }
        Path stick = Files.createDirectories(tmp.resolve("STICK-" + from));
        ExportResult r;
        try (Passphrase p = Passphrase.of(LAB_PASS)) {
            r = a.export().run(ExportOptions.to(stick), p, TECH);
        }
        assertThat(r.products()).isEqualTo(n);
        return stick;
    }

    private static Stick transferStick(Path root) {
        return new Stick(root, root.getFileName().toString(), StickKind.TRANSFER, false, 1, 0, 0, 0, -1);
    }

    private Path onlyResponse(Path stick) throws Exception {
        try (var files = Files.list(stick.resolve("AIRLOCK/inbound"))) {
            return files.findFirst().orElseThrow();
        }
    }

    @Test
    void onlineRun_answersARealLabRequest_andTheLabMergesTheCids() throws Exception {
        Path stick = requestOnAStick(lab, 1, 2);
        GatewayView view = navigate(GatewayView.class);
        view.showSticks(List.of(transferStick(stick)));
        assertThat(view.requestPanel.requestFile.getValue()).isNotNull();

        test(view.requestPanel.verify).click();

        assertThat(view.requestPanel.summary.getElement().getTextRecursively()).contains("Lab 3").contains("2 records");
        assertThat(view.runPanel.online.isEnabled()).isTrue();

        test(view.runPanel.online).click();
        LabData.await(() -> !view.responsePanel.result.getText().isEmpty() || !view.error.getText().isEmpty());

        assertThat(view.error.getText()).isEmpty();
        assertThat(view.responsePanel.result.getText()).contains("2 records: 2 CIDs").contains("Response written");
        assertThat(view.runPanel.progress.getValue()).isEqualTo(1.0);
        assertThat(view.runPanel.log.getChildren().count()).isEqualTo(2);
        assertThat(view.responsePanel.showQr.isEnabled()).isTrue();
        MergeOutcome merged = lab.merge().importFile(onlyResponse(stick), TECH);
        assertThat(merged.toString()).doesNotContain("refused");
        assertThat(lab.inventory().products(ProductFilter.all(), 0, 10)).extracting(Product::state)
                .containsOnly(ProductState.CID_RECEIVED);

        test(view.responsePanel.showQr).click();
        assertThat(view.responsePanel.qrHolder.getChildren().count()).isEqualTo(1);
    }

    @Test
    void request_fromALabThatIsNotTrusted_isRefusedWithTheReason() throws Exception {
        Appliance stranger = newLab("stranger", "Unknown lab", false);
        try {
            Path stick = requestOnAStick(stranger, 100, 1);
            GatewayView view = navigate(GatewayView.class);
            view.showSticks(List.of(transferStick(stick)));

            test(view.requestPanel.verify).click();

            assertThat(view.requestPanel.summary.getElement().getTextRecursively()).contains("Refused").contains("not pinned");
            assertThat(view.runPanel.online.isEnabled()).isFalse();
            assertThat(view.runPanel.phone.isEnabled()).isFalse();
        } finally {
            stranger.close();
        }
    }

    @Test
    void phoneEntry_mistypedGroupIsAskedAgain_andACorrectCidIsSaved() throws Exception {
        Path stick = requestOnAStick(lab, 200, 1);
        GatewayView view = navigate(GatewayView.class);
        view.showSticks(List.of(transferStick(stick)));
        test(view.requestPanel.verify).click();

        test(view.runPanel.phone).click();
        LabData.await(() -> view.phonePanel.isVisible() && !view.phonePanel.record.getText().isEmpty());
        assertThat(view.phonePanel.record.getText()).contains("Record 1 of 1");
        assertThat(view.phonePanel.iid.getElement().getTextRecursively()).contains("0000000");

        // made up, each group ending in its check digit as a real CID's does
        String cid = GroupCheck.withCheckDigits("123456234567345678456789567890678901789012890123", 6);
        view.phonePanel.cid.setValue(cid.substring(0, 47)); // group H one digit short
        test(view.phonePanel.save).click();
        assertThat(view.phonePanel.message.getText()).contains("Group H").contains("again");
        assertThat(view.phonePanel.save.isEnabled()).isTrue();
        assertThat(view.responsePanel.result.getText()).isEmpty();

        view.phonePanel.cid.setValue(cid);
        test(view.phonePanel.save).click();
        LabData.await(() -> !view.responsePanel.result.getText().isEmpty() || !view.error.getText().isEmpty());

        assertThat(view.error.getText()).isEmpty();
        assertThat(view.responsePanel.result.getText()).contains("1 record: 1 CID (0 from the cache)").contains("Response written");
        assertThat(view.phonePanel.isVisible()).isFalse();
        lab.merge().importFile(onlyResponse(stick), TECH);
        assertThat(lab.inventory().products(ProductFilter.all().withSearch("GW-PC-200"), 0, 10))
                .singleElement().satisfies(p -> {
                    assertThat(p.state()).isEqualTo(ProductState.CID_RECEIVED);
                    assertThat(p.cid().orElseThrow().digits()).isEqualTo(cid);
                });
    }

    @Test
    void phoneEntry_mistypedGroup_isMarkedAtOnce_andSavedOnlyByKeepItAsTyped() throws Exception {
        Path stick = requestOnAStick(lab, 210, 1);
        GatewayView view = navigate(GatewayView.class);
        view.showSticks(List.of(transferStick(stick)));
        test(view.requestPanel.verify).click();
        test(view.runPanel.phone).click();
        LabData.await(() -> view.phonePanel.isVisible() && !view.phonePanel.record.getText().isEmpty());

        String right = GroupCheck.withCheckDigits("123456234567345678456789567890678901789012890123", 6);
        char d = right.charAt(18);
        String typo = right.substring(0, 18) + (char) (d == '9' ? '8' : d + 1) + right.substring(19); // group D
        List<TextField> groups = descendants(view.phonePanel.cid).filter(TextField.class::isInstance)
                .map(TextField.class::cast).toList();
        for (int g = 0; g < 4; g++) {
            test(groups.get(g)).setValue(typo.substring(g * 6, g * 6 + 6));
        }
        // marked as soon as group D is complete: red outline and words below the groups
        assertThat(groups.get(3).isInvalid()).isTrue();
        assertThat(groups.get(3).getClassNames()).contains("digit-group-flagged");
        assertThat(groups.get(2).isInvalid()).isFalse();
        assertThat(view.phonePanel.cid.getElement().getTextRecursively()).contains("Group D looks mistyped: check it");
        for (int g = 4; g < 8; g++) {
            test(groups.get(g)).setValue(typo.substring(g * 6, g * 6 + 6));
        }

        test(view.phonePanel.save).click();
        assertThat(view.phonePanel.message.getText()).startsWith("Group D looks mistyped")
                .contains("keep it as typed");
        assertThat(view.phonePanel.keep.isVisible()).isTrue();
        assertThat(view.responsePanel.result.getText()).isEmpty(); // nothing saved without the confirmation

        test(view.phonePanel.keep).click();
        LabData.await(() -> !view.responsePanel.result.getText().isEmpty() || !view.error.getText().isEmpty());
        assertThat(view.error.getText()).isEmpty();
        assertThat(view.responsePanel.result.getText()).contains("Response written");
        lab.merge().importFile(onlyResponse(stick), TECH);
        assertThat(lab.inventory().products(ProductFilter.all().withSearch("GW-PC-210"), 0, 10))
                .singleElement().satisfies(p -> assertThat(p.cid().orElseThrow().digits()).isEqualTo(typo));
    }

    private static java.util.stream.Stream<com.vaadin.flow.component.Component> descendants(
            com.vaadin.flow.component.Component c) {
        return c.getChildren().flatMap(ch -> java.util.stream.Stream.concat(java.util.stream.Stream.of(ch),
                descendants(ch)));
    }

    @Test
    void phoneEntry_stop_writesNothingForTheUnansweredRecord() throws Exception {
        Path stick = requestOnAStick(lab, 300, 1);
        GatewayView view = navigate(GatewayView.class);
        view.showSticks(List.of(transferStick(stick)));
        test(view.requestPanel.verify).click();
        test(view.runPanel.phone).click();
        LabData.await(() -> view.phonePanel.isVisible() && !view.phonePanel.record.getText().isEmpty());

        test(view.phonePanel.stop).click();
        LabData.await(() -> !view.responsePanel.result.getText().isEmpty() || !view.error.getText().isEmpty());

        assertThat(view.responsePanel.result.getText()).contains("No response written");
        assertThat(view.runPanel.resendInFlight.getValue()).isFalse();
    }

    @Test
    void request_scannedAsQrFrames_isCheckedLikeAFileFromTheStick() throws Exception {
        Path stick = requestOnAStick(lab, 400, 2);
        Path file = GatewayDesk.requestFiles(stick).get(0);
        byte[] envelope = BundleFile.read(file).envelope();
        GatewayView view = navigate(GatewayView.class);
        view.showSticks(List.of());

        test(view.requestPanel.scan).click();
        QrScanPanel panel = (QrScanPanel) view.requestPanel.scanHolder.getChildren().filter(c -> c instanceof QrScanPanel)
                .findFirst().orElseThrow();
        new QrEncoder(envelope, QrOptions.defaults()).frames().forEach(panel::receive);

        assertThat(view.requestPanel.summary.getElement().getTextRecursively()).contains("Lab 3").contains("2 records");
        assertThat(view.runPanel.online.isEnabled()).isTrue();
    }

    @Test
    void onlineRun_withTheServiceUnreachable_explainsThatNothingWasSpent() throws Exception {
        settings.set(Setting.GATEWAY_ENDPOINT, "http://127.0.0.1:9/BatchActivation/BatchActivation.asmx");
        Path stick = requestOnAStick(lab, 500, 1);
        GatewayView view = navigate(GatewayView.class);
        view.showSticks(List.of(transferStick(stick)));
        test(view.requestPanel.verify).click();

        test(view.runPanel.online).click();
        LabData.await(() -> !view.responsePanel.result.getText().isEmpty() || !view.error.getText().isEmpty());

        assertThat(view.error.getText()).contains("stopped early").contains("nothing was spent");
        assertThat(view.responsePanel.result.getText()).contains("No response written");
    }

    @Test
    void resendInFlight_showsItsWarningWhenTicked() {
        GatewayView view = navigate(GatewayView.class);
        assertThat(view.runPanel.resendWarning.isVisible()).isFalse();

        test(view.runPanel.resendInFlight).click();

        assertThat(view.runPanel.resendWarning.isVisible()).isTrue();
        assertThat(view.runPanel.resendWarning.getText()).contains("spend an activation");
    }
}
