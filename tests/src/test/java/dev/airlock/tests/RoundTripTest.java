package dev.airlock.tests;

import static dev.airlock.tests.Journey.ok;
import static dev.airlock.tests.Journey.only;
import static dev.airlock.tests.Journey.status;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.airlock.appliance.gateway.StandInBatchActivation;
import dev.airlock.formats.ids.InstallationId;
import dev.airlock.formats.kit.CollectedProduct;
import dev.airlock.formats.kit.CollectorRecord;
import dev.airlock.formats.kit.CollectorRecordReader;
import dev.airlock.formats.kit.CollectorRecordWriter;
import dev.airlock.formats.kit.LicenseStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mission's spine through the real CLI: two appliances (lab, gateway), a real vfat transfer
 * stick carried between them, Microsoft's service stood in on 127.0.0.1 with its exact wire
 * shape, and lab machines stood in by result files written as Collect.ps1 -Apply would.
 */
class RoundTripTest {
    @TempDir
    Path tmp;

    @Test
    void demoMachines_exportGatewayImportApply_allVerified_thenReimageSavesActivations() throws Exception {
        Path lab = tmp.resolve("lab");
        Path gw = tmp.resolve("gw");
        Path labStick = tmp.resolve("labstick");
        ok(Cli.airlock(lab, "init", "--role", "lab", "--name", "Lab 3"));
        ok(Cli.airlock(gw, "init", "--role", "gateway", "--name", "Gateway"));
        Journey.enroll(tmp.resolve("cards"), lab, gw);

        // Collect: 200 machines onto the lab stick, taken in.
        ok(Cli.airlock(null, "demo", "--machines", "200", "--to", labStick.toString()));
        ok(Cli.airlock(lab, "intake", labStick.toString(), "-q"));
        int products = status(lab).get("products").asInt();
        assertThat(products).isGreaterThan(200);

        try (StickImage stick = StickImage.create(tmp, 32);
                StandInBatchActivation microsoft = StandInBatchActivation.start()) {
            // Export onto the transfer stick; carry it to the gateway.
            ok(Cli.airlock(lab, "export", "--to", stick.mount.toString()));
            assertThat(status(lab).get("byState").get("EXPORTED").asInt()).isEqualTo(products);
            stick.replug();
            Path request = only(stick.mount.resolve("AIRLOCK/outbound"));
            Cli.Run processed = Cli.airlock(gw, "gateway", "process", request.toString(), "--to",
                    stick.mount.toString(), "--endpoint", microsoft.endpoint().toString());
            ok(processed);
            assertThat(microsoft.spent()).hasSize(products);
            JsonNode gatewayStatus = status(gw);
            assertThat(gatewayStatus.get("cids").asInt()).isEqualTo(products);
            assertThat(gatewayStatus.get("inFlight").asInt()).isZero();

            // Back in the lab: import merges every CID.
            stick.replug();
            ok(Cli.airlock(lab, "import", stick.mount.toString()));
            assertThat(status(lab).get("byState").get("CID_RECEIVED").asInt()).isEqualTo(products);
            Cli.Run again = Cli.airlock(lab, "import", stick.mount.toString());
            ok(again);
            assertThat(again.all()).contains("already merged");
        }

        // Apply: the activation kit on the lab stick, results as the script writes them.
        ok(Cli.airlock(lab, "activation-kit", "--to", labStick.toString()));
        LabMachines.applyKit(labStick, 0);
        ok(Cli.airlock(lab, "intake", labStick.resolve("AIRLOCK/results").toString(), "-q"));
        assertThat(status(lab).get("byState").get("VERIFIED").asInt()).isEqualTo(products);

        // Reimage 20 machines: same hardware and key, so the same IIDs, no longer licensed.
        List<Path> reimaged = collectedFiles(labStick).subList(0, 20);
        int reimagedProducts = 0;
        for (Path f : reimaged) {
            reimagedProducts += recollect(f, Duration.ofDays(2), false).products().size();
        }
        ok(Cli.airlock(lab, "intake", labStick.toString(), "-q"));
        assertThat(status(lab).get("byState").get("REUSABLE").asInt()).isEqualTo(reimagedProducts);
        clear(labStick.resolve("AIRLOCK/results"));
        ok(Cli.airlock(lab, "activation-kit", "--to", labStick.toString()));
        LabMachines.applyKit(labStick, 3);
        ok(Cli.airlock(lab, "intake", labStick.resolve("AIRLOCK/results").toString(), "-q"));
        JsonNode after = status(lab);
        assertThat(after.get("byState").get("VERIFIED").asInt()).isEqualTo(products);
        Cli.Run text = Cli.airlock(lab, "status");
        assertThat(text.out()).containsPattern("[Aa]ctivations saved:?\\s+" + reimagedProducts);

        // 5 machines with new IIDs (new hardware): back to COLLECTED, a new round trip.
        for (Path f : collectedFiles(labStick).subList(20, 25)) {
            recollect(f, Duration.ofDays(4), true);
        }
        ok(Cli.airlock(lab, "intake", labStick.toString(), "-q"));
        assertThat(status(lab).get("byState").get("COLLECTED").asInt()).isGreaterThanOrEqualTo(5);

        Cli.Run audit = Cli.airlock(lab, "audit", "verify");
        ok(audit);
        ok(Cli.airlock(gw, "audit", "verify"));
    }

    /** Re-collects a machine later: unlicensed (reimaged), with the same IIDs or new ones. */
    private static CollectorRecord recollect(Path file, Duration later, boolean newIids) throws Exception {
        CollectorRecord before = new CollectorRecordReader().read(file);
        List<CollectedProduct> products = new ArrayList<>();
        for (CollectedProduct p : before.products()) {
            InstallationId iid = p.iid();
            if (newIids) {
                String d = iid.digits();
                iid = InstallationId.parse(d.substring(0, d.length() - 6) + new StringBuilder(d.substring(d.length() - 6))
                        .reverse().toString().replace('0', '9'));
            }
            products.add(LabMachines.withStatus(p, LicenseStatus.OOB_GRACE, iid));
        }
        CollectorRecord after = new CollectorRecord(before.collected().plus(later), before.collectorVersion(),
                before.machine(), products);
        Files.write(file, new CollectorRecordWriter().write(after));
        return after;
    }


    private static List<Path> collectedFiles(Path labStick) throws Exception {
        try (Stream<Path> s = Files.list(labStick.resolve("AIRLOCK/collected"))) {
            return s.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
        }
    }

    private static void clear(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.toList()) {
                Files.delete(p);
            }
        }
    }
}
