package dev.airlock.tests.kiosk;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.appliance.gateway.StandInBatchActivation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * No stick at all: the export shown as QR frames is photographed frame by frame and decoded by
 * the gateway CLI; the gateway's response frames come back through a serial scanner (a socat
 * pty the kiosk reads as its scanner port), one line per frame; a stray frame of another bundle
 * scanned first is kept apart, the screen names the bundle it fills, the stray one is dropped
 * without losing the response's frames, and the response is merged.
 */
@ExtendWith(FailureShot.class)
class QrScannerJourney {
    static Kiosk kiosk;
    static ScannerPty scanner;
    static Path work;

    @BeforeAll
    static void start() throws Exception {
        scanner = ScannerPty.start();
        kiosk = Kiosk.start("qr-scanner", o -> o.env("AIRLOCK_SCANNER_PORT", scanner.kioskPort), dir -> {
            work = dir;
            Path lab = dir.resolve("data");
            AirlockCli.initAndEnroll(dir.resolve("cards"), lab, dir.resolve("gw"));
            Path demo = dir.resolve("demo");
            AirlockCli.ok(null, "demo", "--machines", "40", "--to", demo.toString());
            AirlockCli.ok(lab, "intake", demo.toString(), "-q");
        });
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (kiosk != null) {
                kiosk.close();
            }
        } finally {
            if (scanner != null) {
                scanner.close();
            }
        }
    }

    @Test
    void exportAsQrFrames_gatewayByCli_responseScannedThroughTheSerialPort_merged() throws Exception {
        KioskBrowser b = kiosk.browser;
        HomePage home = kiosk.unlockAndFirstSupervisor();
        home.nav("nav.export");
        ExportPage export = new ExportPage(b);
        QrFrames qr = export.showQr();
        b.screenshot("export-qr-frames");
        qr.pause();
        String counter = qr.counter();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)\\D+(\\d+)").matcher(counter);
        assertThat(m.find()).as(counter).isTrue();
        int total = Integer.parseInt(m.group(2));
        assertThat(total).isPositive();

        // Photograph every frame (as a phone or the gateway's camera would), stepping one at a time.
        Path photos = Files.createDirectories(work.resolve("photos"));
        List<String> images = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            Path png = photos.resolve(String.format("frame-%02d.png", i));
            Files.write(png, qr.frameImage());
            images.add(png.toString());
            qr.next();
        }
        b.screenshot("export-qr-stepped");

        // The gateway: decode the photos, process against the stand-in service, answer as QR frames.
        Path gw = work.resolve("gw");
        Path gwIn = Files.createDirectories(work.resolve("gw-in"));
        List<String> decode = new ArrayList<>(List.of("qr", "decode", "--to", gwIn.toString()));
        decode.addAll(images);
        AirlockCli.ok(gw, decode.toArray(String[]::new));
        Path request = AirlockCli.only(gwIn, ".xml");
        Path gwOut = Files.createDirectories(work.resolve("gw-out"));
        Path gwQr = work.resolve("gw-qr");
        try (StandInBatchActivation microsoft = StandInBatchActivation.start()) {
            AirlockCli.ok(gw, "gateway", "process", request.toString(), "--to", gwOut.toString(), "--endpoint",
                    microsoft.endpoint().toString(), "--qr", gwQr.toString());
        }
        List<String> response = Files.readAllLines(gwQr.resolve("frames.txt"), StandardCharsets.US_ASCII).stream()
                .filter(l -> !l.isBlank()).toList();
        assertThat(response).isNotEmpty();
        // A frame of another bundle: one of the request's own frames.
        String foreign = Files.readAllLines(exportFrames(request), StandardCharsets.US_ASCII).get(0);

        // Back at the kiosk: the scan panel, fed through the serial port.
        b.page.keyboard().press("Escape");
        b.go(kiosk.url("import"));
        ImportPage imports = new ImportPage(b).openScan();
        b.screenshot("import-scan-ready");
        // A stray frame first (one of the request's own, another bundle), then the response: both are
        // kept apart, the screen names the bundle it fills and offers to drop the other one.
        String foreignId = foreign.substring(1, 7);
        String responseId = response.get(0).substring(1, 7);
        scanner.scan(foreign);
        assertThat(imports.id("qr-scan-message")).containsText(Texts.prefix("qr.scan.accepted"));
        scanner.scan(response.get(0));
        if (response.size() > 1) {
            assertThat(imports.id("qr-scan-progress")).isVisible();
            assertThat(imports.id("qr-scan-message")).containsText(Texts.prefix("qr.scan.otherBundle"));
            assertThat(imports.id("qr-scan-filling")).hasText(Texts.get("qr.scan.filling", responseId));
            assertThat(imports.id("qr-scan-drop-" + foreignId)).isVisible();
            b.screenshot("import-scan-other-bundle");
            imports.clickId("qr-scan-drop-" + foreignId);
            assertThat(imports.id("qr-scan-message")).hasText(Texts.get("qr.scan.dropped", foreignId));
            assertThat(imports.id("qr-scan-drop-" + foreignId)).hasCount(0);
            assertThat(imports.id("qr-scan-frames")).hasText( // the response's frames stay
                    Texts.get("qr.scan.frames", 1, response.size()));
            b.screenshot("import-scan-progress");
        }
        // a technician scans the next frame once the screen has counted the last one
        for (int i = 1; i < response.size(); i++) {
            scanner.scan(response.get(i));
            if (i + 1 < response.size()) {
                assertThat(imports.id("qr-scan-message"))
                        .containsText(Texts.get("qr.scan.accepted", i + 1, response.size()));
            }
        }
        String summary = imports.awaitSummary();
        assertThat(summary).isNotBlank();
        b.screenshot("import-scan-merged");
        imports.nav("nav.home");
        assertThat(new HomePage(b).count("CID_RECEIVED")).isPositive();
        b.screenshot("home-after-qr");
    }

    /** The request's own frames (for "a frame of another bundle"), rendered by the CLI. */
    private static Path exportFrames(Path request) throws Exception {
        Path dir = work.resolve("request-qr");
        AirlockCli.ok(null, "qr", "encode", request.toString(), "--to", dir.toString());
        return dir.resolve("frames.txt");
    }
}
