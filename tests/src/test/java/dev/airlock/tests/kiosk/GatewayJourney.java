package dev.airlock.tests.kiosk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.appliance.gateway.StandInBatchActivation;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The kiosk as the gateway: the lab (CLI) exports onto a vfat transfer stick; at the gateway
 * kiosk the request is verified, run online against the stand-in BatchActivation service, and
 * the response written back onto the stick, which the lab (CLI) then imports.
 */
@ExtendWith(FailureShot.class)
class GatewayJourney {
    static Kiosk kiosk;
    static StandInBatchActivation microsoft;
    static VfatStick stick;
    static Path work;

    @BeforeAll
    static void start() throws Exception {
        microsoft = StandInBatchActivation.start();
        kiosk = Kiosk.start("gateway", o -> o.env("AIRLOCK_GATEWAY_ENDPOINT", microsoft.endpoint().toString()), dir -> {
            work = dir;
            Path lab = dir.resolve("lab");
            AirlockCli.initAndEnroll(dir.resolve("cards"), lab, dir.resolve("data"));
            Path demo = dir.resolve("demo");
            AirlockCli.ok(null, "demo", "--machines", "10", "--to", demo.toString());
            AirlockCli.ok(lab, "intake", demo.toString(), "-q");
            stick = VfatStick.create(dir.resolve("images/transfer.img"), dir.resolve("media/TRANSFER"), "TRANSFER", 32);
            AirlockCli.ok(lab, "export", "--to", stick.mount.toString());
            stick.replug();
        });
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (stick != null) {
                stick.close();
            }
            if (kiosk != null) {
                kiosk.close();
            }
        } finally {
            if (microsoft != null) {
                microsoft.close();
            }
        }
    }

    @Test
    void requestFromStick_verifiedRunOnline_responseOnTheStick_labImportsIt() throws Exception {
        KioskBrowser b = kiosk.browser;
        HomePage home = kiosk.unlockAndFirstSupervisor();
        b.screenshot("gateway-home");
        home.nav("nav.gateway");
        GatewayPage gateway = new GatewayPage(b);
        b.screenshot("gateway-request-found");
        String summary = gateway.verify();
        assertThat(summary).isNotBlank();
        b.screenshot("gateway-verified");
        String result = gateway.runOnline();
        assertThat(result).isNotBlank();
        b.screenshot("gateway-online-done");
        assertThat(microsoft.spent()).isNotEmpty();

        kiosk.replug(stick);
        AirlockCli.Run imported = AirlockCli.ok(work.resolve("lab"), "import", stick.mount.toString());
        assertThat(imported.all()).contains("1 merged").contains("0 refused");
        kiosk.recordRss();
    }
}
