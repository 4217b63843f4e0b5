package dev.airlock.tests.kiosk;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.appliance.gateway.StandInBatchActivation;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The whole round trip at the kiosk: a lab appliance (set up and enrolled with a gateway by the
 * CLI), collect from a real vfat lab stick and write the collector kit onto it, export to a second vfat stick, the gateway CLI against
 * the stand-in Microsoft service writes the response onto it, import, activation kit onto the lab
 * stick, results written as the collector's Apply would, results read: every product VERIFIED.
 */
@ExtendWith(FailureShot.class)
class RoundTripJourney {
    static Path work;
    static Kiosk kiosk;
    static VfatStick labStick;
    static VfatStick transferStick;

    @BeforeAll
    static void start() throws Exception {
        kiosk = Kiosk.start("round-trip", o -> o, dir -> {
            work = dir;
            AirlockCli.initAndEnroll(dir.resolve("cards"), dir.resolve("data"), dir.resolve("gw"));
            labStick = VfatStick.create(dir.resolve("images/lab.img"), dir.resolve("media/LABSTICK"), "LABSTICK", 32);
            AirlockCli.ok(null, "demo", "--machines", "20", "--to", labStick.mount.toString());
            labStick.replug();
        });
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (labStick != null) {
                labStick.close();
            }
            if (transferStick != null) {
                transferStick.close();
            }
        } finally {
            if (kiosk != null) {
                kiosk.close();
            }
        }
    }

    @Test
    void collectExportGatewayImportApply_everyProductVerified() throws Exception {
        KioskBrowser b = kiosk.browser;
        HomePage home = kiosk.unlockAndFirstSupervisor();
        b.screenshot("home-empty");

        // Collect from the lab stick.
        home.nav("nav.collect");
        CollectPage collect = new CollectPage(b);
        String summary = collect.importStick();
        assertThat(summary).contains("20 accepted").contains("0 rejected");
        b.screenshot("collect-done");

        // The collector kit onto the same lab stick, from the kiosk (no terminal on the appliance).
        String kitWritten = collect.writeCollectorKit();
        assertThat(kitWritten).startsWith("Collector kit written to LABSTICK");
        b.screenshot("collect-kit-written");
        kiosk.replug(labStick);
        for (String f : new String[] {"Collect.cmd", "Apply.cmd", "Collect.ps1", "README.txt"}) {
            assertThat(labStick.mount.resolve("AIRLOCK/collector").resolve(f)).isNotEmptyFile();
        }
        assertThat(labStick.mount.resolve("AIRLOCK/collector/InstallKey.txt")).doesNotExist();
        collect.nav("nav.home");
        home = new HomePage(b);
        int products = home.count("COLLECTED");
        assertThat(products).isGreaterThanOrEqualTo(20);
        b.screenshot("home-collected");

        // Export onto a fresh transfer stick.
        transferStick = VfatStick.create(work.resolve("images/transfer.img"), work.resolve("media/TRANSFER"),
                "TRANSFER", 32);
        home.nav("nav.export");
        ExportPage export = new ExportPage(b);
        assertThat(export.preview()).containsText(String.valueOf(products));
        export.awaitStick("TRANSFER");
        b.screenshot("export-preview");
        String written = export.write();
        assertThat(written).isNotBlank();
        b.screenshot("export-written");

        // At the gateway: the CLI processes the request against the stand-in service.
        kiosk.replug(transferStick);
        Path request = AirlockCli.only(transferStick.mount.resolve("AIRLOCK/outbound"), ".xml");
        try (StandInBatchActivation microsoft = StandInBatchActivation.start()) {
            AirlockCli.ok(work.resolve("gw"), "gateway", "process", request.toString(), "--to",
                    transferStick.mount.toString(), "--endpoint", microsoft.endpoint().toString());
            assertThat(microsoft.spent()).hasSize(products);
        }
        kiosk.replug(transferStick);

        // Back in the lab: import the response.
        export.nav("nav.import");
        ImportPage imports = new ImportPage(b);
        String merged = imports.importStick();
        assertThat(merged).contains(String.valueOf(products));
        b.screenshot("import-merged");
        imports.nav("nav.home");
        home = new HomePage(b);
        assertThat(home.count("CID_RECEIVED")).isEqualTo(products);
        b.screenshot("home-cids-received");

        // Apply: the kit onto the lab stick, the machines apply it, their results come back.
        home.nav("nav.apply");
        ApplyPage apply = new ApplyPage(b);
        String kit = apply.writeKit();
        assertThat(kit).isNotBlank();
        b.screenshot("apply-kit-written");
        // A CID to type by hand: its 8 groups in even rows at this window size
        assertThat(apply.showCid("DEMO-LAB-00001")).isIn(java.util.List.of(8), java.util.List.of(4, 4));
        b.screenshot("apply-cid-by-hand");
        kiosk.replug(labStick);
        dev.airlock.tests.LabMachines.applyKit(labStick.mount, 0);
        kiosk.replug(labStick);
        String results = apply.importResults();
        assertThat(results).isNotBlank();
        b.screenshot("apply-results-read");

        apply.nav("nav.home");
        home = new HomePage(b);
        assertThat(home.count("VERIFIED")).isEqualTo(products);
        b.screenshot("home-verified");
        home.nav("nav.machines");
        MachinesPage machines = new MachinesPage(b);
        assertThat(machines.grid()).isVisible();
        b.screenshot("machines-verified");
        kiosk.recordRss();
    }

}
