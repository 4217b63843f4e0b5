package dev.airlock.kiosk.imports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.appliance.Appliance;
import dev.airlock.appliance.devices.Stick;
import dev.airlock.appliance.devices.StickKind;
import dev.airlock.appliance.export.ExportOptions;
import dev.airlock.appliance.export.ExportResult;
import dev.airlock.appliance.gateway.BatchActivationConfig;
import dev.airlock.appliance.gateway.GatewayListener;
import dev.airlock.appliance.gateway.GatewayResult;
import dev.airlock.appliance.gateway.StandInBatchActivation;
import dev.airlock.appliance.inventory.ProductState;
import dev.airlock.appliance.keys.KeyService;
import dev.airlock.appliance.keys.Passphrase;
import dev.airlock.appliance.store.ApplianceInfo;
import dev.airlock.formats.bundle.BundleFile;
import dev.airlock.formats.qr.QrEncoder;
import dev.airlock.formats.qr.QrOptions;
import dev.airlock.formats.signature.PublicKey;
import dev.airlock.kiosk.testing.KioskViewTest;
import dev.airlock.kiosk.testing.LabData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Import of responses made by a real gateway appliance (its own data dir) against the stand-in BatchActivation. */
class ImportViewTest extends KioskViewTest {
    @TempDir
    static Path shared;
    @TempDir
    Path tmp;

    private static Appliance gateway;
    private static int next = 1;

    @AfterAll
    static void closeGateway() {
        if (gateway != null) {
            gateway.close();
        }
    }

    /** The lab exports {@code machines} products; the gateway answers them online; returns the response file. */
    private Path roundTrip(Appliance lab, int machines, Path stick, String failingIid) throws Exception {
        if (gateway == null) {
            gateway = Appliance.init(shared.resolve("gw"), ApplianceInfo.Role.GATEWAY, "Gateway A", LabData.TEST,
                    Clock.systemUTC(), new SplittableRandom(7), KeyService.prepare(Passphrase.of(PASSPHRASE),
                            new SecureRandom()), d -> { });
            PublicKey labKey = lab.keys().publicKey();
            PublicKey gwKey = gateway.keys().publicKey();
            gateway.enroll().pin(ApplianceInfo.Role.LAB, "Lab 3", labKey, labKey.fingerprint(), LabData.TEST);
            lab.enroll().pin(ApplianceInfo.Role.GATEWAY, "Gateway A", gwKey, gwKey.fingerprint(), LabData.TEST);
        }
        LabData.intake(lab, tmp.resolve("labstick-" + next), next, machines, null);
        next += machines;
        ExportResult exported;
        try (Passphrase p = Passphrase.of(PASSPHRASE)) {
            exported = lab.export().run(ExportOptions.to(stick), p, LabData.TEST);
        }
        try (StandInBatchActivation microsoft = StandInBatchActivation.start();
                Passphrase p = Passphrase.of(PASSPHRASE)) {
            if (failingIid != null) {
                BundleFile.read(exported.file()).request().records().stream().findFirst()
                        .ifPresent(r -> microsoft.errorFor(r.iid().digits(), 0x7F));
            }
            GatewayResult r = gateway.gateway().processOnline(exported.file(), stick,
                    BatchActivationConfig.direct(microsoft.endpoint(), Duration.ofMillis(500), 2, d -> { }), false, p,
                    LabData.TEST, GatewayListener.silent());
            return r.responseFile().orElseThrow();
        }
    }

    private static void choose(ImportView view, Stick s) {
        view.stick.setItems(List.of(s));
        view.stick.setValue(s);
    }

    @Test
    void import_responseFromARealGateway_mergesAndShowsTheSummary_withRejectionsExplained() throws Exception {
        Appliance lab = signedIn(ApplianceInfo.Role.LAB, true);
        Path stick = Files.createDirectories(tmp.resolve("STICK1"));
        roundTrip(lab, 3, stick, "first");
        long received = LabData.count(lab, ProductState.CID_RECEIVED);
        long exported = LabData.count(lab, ProductState.EXPORTED);
        ImportView view = navigate(ImportView.class);
        choose(view, LabData.stick(stick, StickKind.TRANSFER, 1));
        assertThat(view.stickStatus.getText()).contains("holds 1 response file, 1 not imported yet");

        test(view.stickImport).click();
        LabData.await(() -> view.summary.isVisible() || view.progressText.getText().startsWith("Import failed"));

        String text = view.summary.getElement().getTextRecursively();
        long nowReceived = LabData.count(lab, ProductState.CID_RECEIVED);
        assertThat(nowReceived - received).isEqualTo(exported - 1);
        assertThat(text).contains("CIDs received: " + (exported - 1)).contains("Rejected: 1")
                .contains("MERGED").contains("REJECTED").contains("0x7F");
        assertThat(LabData.count(lab, ProductState.REJECTED)).isPositive();

        // The same stick again (the watcher lists it again): already merged, nothing changes.
        choose(view, LabData.stick(stick, StickKind.TRANSFER, 1));
        test(view.stickImport).click();
        LabData.await(() -> view.summary.isVisible()
                && view.summary.getElement().getTextRecursively().contains("ALREADY MERGED"));
        assertThat(LabData.count(lab, ProductState.CID_RECEIVED)).isEqualTo(nowReceived);
    }

    @Test
    void import_stickWithATamperedFile_isRefusedWithTheReason() throws Exception {
        Appliance lab = signedIn(ApplianceInfo.Role.LAB, true);
        Path stick = Files.createDirectories(tmp.resolve("STICK2"));
        Path inbound = Files.createDirectories(stick.resolve("AIRLOCK/inbound"));
        Files.writeString(inbound.resolve("airlock-response-junk.xml"), "<not-a-bundle/>");
        ImportView view = navigate(ImportView.class);
        choose(view, LabData.stick(stick, StickKind.TRANSFER, 1));

        test(view.stickImport).click();
        LabData.await(() -> view.summary.isVisible() || view.progressText.getText().startsWith("Import failed"));

        assertThat(view.summary.getElement().getTextRecursively()).contains("REFUSED").contains("refused: 1")
                .contains("airlock-response-junk.xml");
        assertThat(lab).isNotNull();
    }

    @Test
    void scanQr_responseFrames_mergeAndShowTheSummary_otherBundleAndBadFrameExplained() throws Exception {
        Appliance lab = signedIn(ApplianceInfo.Role.LAB, true);
        Path stick = Files.createDirectories(tmp.resolve("STICK3"));
        Path response = roundTrip(lab, 2, stick, null);
        long exported = LabData.count(lab, ProductState.EXPORTED);
        long received = LabData.count(lab, ProductState.CID_RECEIVED);
        List<String> frames = new QrEncoder(BundleFile.read(response).envelope(), QrOptions.of(10,
                QrOptions.EcLevel.M)).frames();
        ImportView view = navigate(ImportView.class);
        test(view.scan).click();
        assertThat(view.scanBox.isVisible()).isTrue();

        view.scanBox.scanPanel.receive(frames.get(0));
        // a frame of another bundle (of several frames) is kept apart, and the response keeps its frames
        String other = new QrEncoder(new byte[3000], QrOptions.of(10, QrOptions.EcLevel.M)).frames().get(0);
        view.scanBox.scanPanel.receive(other);
        assertThat(view.scanBox.scanPanel.getElement().getTextRecursively()).contains("ANOTHER bundle")
                .contains("kept apart");
        char[] bad = frames.get(frames.size() - 1).toCharArray();
        bad[30] = bad[30] == '1' ? '2' : '1';
        view.scanBox.scanPanel.receive(new String(bad));
        assertThat(view.scanBox.scanPanel.getElement().getTextRecursively()).contains("Bad frame");
        for (String f : frames.subList(1, frames.size())) {
            view.scanBox.scanPanel.receive(f);
        }
        LabData.await(() -> view.summary.isVisible());

        assertThat(view.summary.getElement().getTextRecursively()).contains("MERGED").contains("QR frames")
                .contains("CIDs received: " + exported);
        assertThat(LabData.count(lab, ProductState.CID_RECEIVED)).isEqualTo(received + exported);
    }
}
