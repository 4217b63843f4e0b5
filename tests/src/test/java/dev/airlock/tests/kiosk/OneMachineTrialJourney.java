package dev.airlock.tests.kiosk;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The README's "Try the whole round trip on one machine", step by step as written there: two plain
 * folders under the media root stand in for the sticks LAB1 and XFER; the lab kiosk is set up in the
 * browser; the gateway, its key card, the stand-in Microsoft service and the lab machines' side
 * ({@code demo}, {@code demo apply}) are the built CLI; trust goes both ways (Supervisor, Trust in the
 * kiosk; {@code trust add} at the gateway); collect, export to XFER, {@code gateway process}, import,
 * the activation kit onto LAB1, the demo machines apply it, the kiosk reads the results: every
 * product VERIFIED. The one change from the README: the stand-in listens on a free port, not 8090.
 */
@ExtendWith(FailureShot.class)
class OneMachineTrialJourney {
    private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+)");

    static Kiosk kiosk;
    static AirlockCli.Background standIn;

    @BeforeAll
    static void start() throws Exception {
        // terminal 1: mkdir -p /tmp/media/LAB1 /tmp/media/XFER; AIRLOCK_MEDIA_ROOTS=/tmp/media ./airlock kiosk
        kiosk = Kiosk.start("one-machine-trial", o -> o, dir -> {
            Files.createDirectories(dir.resolve("media/LAB1"));
            Files.createDirectories(dir.resolve("media/XFER"));
        });
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (standIn != null) {
                standIn.close();
            }
        } finally {
            if (kiosk != null) {
                kiosk.close();
            }
        }
    }

    @Test
    void readmeTrial_demoMachinesThroughGatewayAndBack_everyProductVerified() throws Exception {
        KioskBrowser b = kiosk.browser;
        Path lab1 = kiosk.media.resolve("LAB1");
        Path xfer = kiosk.media.resolve("XFER");
        Path gw = kiosk.dir.resolve("gw");

        // Terminal 2: made-up machines on the lab stick, a gateway, and the stand-in.
        AirlockCli.ok(null, "demo", "--machines", "20", "--to", lab1.toString());
        AirlockCli.ok(gw, "init", "--role", "gateway", "--name", "Gateway 1");
        String gatewayPrint = AirlockCli.fingerprint(AirlockCli.ok(gw, "key", "card", "--to", xfer.toString(),
                "--label", "Gateway 1"));
        Path gatewayCard = AirlockCli.only(xfer, ".xml");
        standIn = AirlockCli.background(Kiosk.LOGS.resolve("one-machine-trial-stand-in.log"), "stand-in", "--port", "0");
        String endpoint = standIn.await(LISTENING);

        // 1. Set up a lab appliance, create the first supervisor, sign in.
        HomePage home = kiosk.setUp(true, "Lab 1");

        // 2. Supervisor, Trust: our card to XFER; the gateway's card from XFER with its fingerprint; the
        //    gateway pins the lab with the digits the kiosk shows.
        home.nav("nav.supervisor");
        SupervisorPage supervisor = new SupervisorPage(b);
        assertThat(supervisor.writeOurCard("XFER")).contains("XFER");
        String labPrint = supervisor.ourFingerprint();
        assertThat(labPrint).hasSize(30);
        Path labCard = keyCards(xfer).stream().filter(p -> !p.equals(gatewayCard)).findFirst().orElseThrow();
        String trusted = supervisor.trustCard(gatewayCard.getFileName().toString(), gatewayPrint);
        assertThat(trusted).contains("Gateway 1");
        b.screenshot("trust-both-ways");
        AirlockCli.ok(gw, "trust", "add", labCard.toString(), "--fingerprint", grouped(labPrint));

        // 3. Collect: LAB1 is detected; import its 20 files.
        supervisor.nav("nav.collect");
        CollectPage collect = new CollectPage(b);
        assertThat(collect.importStick()).contains("20 accepted").contains("0 rejected");
        collect.nav("nav.home");
        home = new HomePage(b);
        int products = home.count("COLLECTED");
        assertThat(products).isGreaterThanOrEqualTo(20);

        // 4. Export: check what will leave, write to XFER.
        home.nav("nav.export");
        ExportPage export = new ExportPage(b);
        assertThat(export.preview()).containsText(String.valueOf(products));
        export.awaitStick("XFER");
        assertThat(export.write()).isNotBlank();
        b.screenshot("export-written");

        // 5. Gateway: process the request against the stand-in.
        Path request = AirlockCli.only(xfer.resolve("AIRLOCK/outbound"), ".xml");
        assertThat(request.getFileName().toString()).startsWith("airlock-request-");
        AirlockCli.ok(gw, "gateway", "process", request.toString(), "--to", xfer.toString(), "--endpoint", endpoint);

        // 6. Import: the response on XFER is detected; verify and import: every product has its CID.
        export.nav("nav.import");
        ImportPage imports = new ImportPage(b);
        assertThat(imports.importStick()).contains(String.valueOf(products));
        imports.nav("nav.home");
        home = new HomePage(b);
        assertThat(home.count("CID_RECEIVED")).isEqualTo(products);

        // 7. Apply: write the activation kit to LAB1.
        home.nav("nav.apply");
        ApplyPage apply = new ApplyPage(b);
        assertThat(apply.writeKit()).isNotBlank();
        b.screenshot("apply-kit-on-lab1");

        // 8. Terminal 2 plays the lab machines: ./airlock demo apply --stick /tmp/media/LAB1
        AirlockCli.Run played = AirlockCli.ok(null, "demo", "apply", "--stick", lab1.toString());
        assertThat(played.out()).contains("DEMO").contains("Wrote 20 result files")
                .contains(products + " products deposited and Licensed");

        // 9. Apply, Read the results: every product VERIFIED, on Home and in Machines.
        String results = apply.importResults();
        assertThat(results).startsWith("20 files");
        b.screenshot("apply-results-read");
        apply.nav("nav.home");
        home = new HomePage(b);
        assertThat(home.count("VERIFIED")).isEqualTo(products);
        assertThat(allBarCounts(home)).isEqualTo(products);
        b.screenshot("home-every-product-verified");
        home.nav("nav.machines");
        MachinesPage machines = new MachinesPage(b);
        Locator badges = machines.grid().locator(".state-badge");
        assertThat(badges.first()).isVisible();
        assertThat(badges.count()).isPositive();
        assertThat(machines.grid().locator(".state-badge:not(.state-verified)").count()).isZero();
        b.screenshot("machines-verified");

        // 10. Supervisor, Audit: sign the head now; every row is under a signed head, and verify says so.
        machines.nav("nav.supervisor");
        supervisor = new SupervisorPage(b);
        assertThat(supervisor.signAuditHead()).startsWith("Signed the head: rows 1 to ");
        assertThat(supervisor.auditSignedState()).endsWith("Every row is under it.");
        assertThat(supervisor.verifyAudit("intact")).contains("are proven by the appliance's signature");
        b.screenshot("audit-head-signed");
    }

    /** The sum of every state bar on Home: all products, whatever their state. */
    private static int allBarCounts(HomePage home) {
        int sum = 0;
        for (String text : home.bars().locator(".bar-row[data-state] .bar-count").allInnerTexts()) {
            sum += Integer.parseInt(text.replaceAll("[^0-9]", ""));
        }
        return sum;
    }

    /** 30 digits as the kiosk shows them: 6 groups of 5. */
    private static String grouped(String digits) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < digits.length(); i += 5) {
            s.append(i == 0 ? "" : " ").append(digits, i, i + 5);
        }
        return s.toString();
    }

    private static List<Path> keyCards(Path stick) throws Exception {
        try (Stream<Path> s = Files.list(stick)) {
            return s.filter(p -> p.getFileName().toString().startsWith("airlock-keycard-")
                    && p.toString().endsWith(".xml")).sorted().toList();
        }
    }
}
