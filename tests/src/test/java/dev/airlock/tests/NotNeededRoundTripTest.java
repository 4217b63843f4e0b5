package dev.airlock.tests;

import static dev.airlock.tests.Journey.ok;
import static dev.airlock.tests.Journey.only;
import static dev.airlock.tests.Journey.status;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.airlock.appliance.gateway.StandInBatchActivation;
import dev.airlock.formats.bundle.BundleFile;
import dev.airlock.formats.bundle.RequestBundle;
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
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A round trip through the real CLI over machines with a mix of key channels: a product already
 * Licensed and a KMS client (GVLK) are left out of export, the gateway and the kit, and never spend
 * an activation; a KMS host key (CSVLK) goes out with the MAK products; everything that went out
 * ends VERIFIED; and the Licensed one comes back into the flow when it loses its licence.
 */
class NotNeededRoundTripTest {
    @TempDir
    Path tmp;

    @Test
    void mixOfChannels_onlyProductsThatNeedACidGoOut_allOthersVerified_andALostLicenceComesBack() throws Exception {
        Path lab = tmp.resolve("lab");
        Path gw = tmp.resolve("gw");
        Path labStick = tmp.resolve("labstick");
        Journey.initAndEnroll(tmp.resolve("cards"), lab, gw);
        ok(Cli.airlock(null, "demo", "--machines", "6", "--to", labStick.toString()));
        List<Path> files = collectedFiles(labStick);
        String licensedIid = rewriteFirstProduct(files.get(0), p -> with(p, p.channel(), LicenseStatus.LICENSED));
        String kmsClientIid = rewriteFirstProduct(files.get(1), p -> with(p, "Volume:GVLK", LicenseStatus.OOB_GRACE));
        String kmsHostIid = rewriteFirstProduct(files.get(2), p -> with(p, "Volume:CSVLK", LicenseStatus.OOB_GRACE));
        ok(Cli.airlock(lab, "intake", labStick.toString(), "-q"));
        int products = status(lab).get("products").asInt();
        JsonNode before = status(lab);
        assertThat(before.get("byState").get("NOT_NEEDED").asInt()).isEqualTo(2);
        assertThat(before.get("byState").get("COLLECTED").asInt()).isEqualTo(products - 2);
        Cli.Run text = Cli.airlock(lab, "status");
        assertThat(text.out()).contains("2 products left out: 1 already licensed, 1 KMS client");

        Path transfer = Files.createDirectories(tmp.resolve("transfer"));
        try (StandInBatchActivation microsoft = StandInBatchActivation.start()) {
            Cli.Run export = Cli.airlock(lab, "export", "--to", transfer.toString());
            ok(export);
            assertThat(export.out()).contains("2 products left out: 1 already licensed, 1 KMS client");
            Path request = only(transfer.resolve("AIRLOCK/outbound"));
            List<String> sent = BundleFile.read(request).request().records().stream()
                    .map(RequestBundle.Entry::iid).map(i -> i.digits()).toList();
            assertThat(sent).hasSize(products - 2).contains(kmsHostIid).doesNotContain(licensedIid, kmsClientIid);
            ok(Cli.airlock(gw, "gateway", "process", request.toString(), "--to", transfer.toString(), "--endpoint",
                    microsoft.endpoint().toString()));
            assertThat(microsoft.spent()).hasSize(products - 2);
            ok(Cli.airlock(lab, "import", transfer.toString()));
        }
        ok(Cli.airlock(lab, "activation-kit", "--to", labStick.toString()));
        LabMachines.applyKit(labStick, 0);
        ok(Cli.airlock(lab, "intake", labStick.resolve("AIRLOCK/results").toString(), "-q"));
        JsonNode after = status(lab);
        assertThat(after.get("byState").get("VERIFIED").asInt()).isEqualTo(products - 2);
        assertThat(after.get("byState").get("NOT_NEEDED").asInt()).isEqualTo(2);
        assertThat(Cli.airlock(lab, "status").out()).contains("Nothing waits: every product is applied, verified or"
                + " needs no CID");

        // The Licensed one loses its licence (reimaged): same IID, not licensed: back to COLLECTED, out next time.
        rewriteFirstProduct(files.get(0), p -> with(p, p.channel(), LicenseStatus.OOB_GRACE), Duration.ofDays(5));
        ok(Cli.airlock(lab, "intake", files.get(0).toString(), "-q"));
        assertThat(status(lab).get("byState").get("COLLECTED").asInt()).isEqualTo(1);
        Path transfer2 = Files.createDirectories(tmp.resolve("transfer2"));
        ok(Cli.airlock(lab, "export", "--to", transfer2.toString()));
        assertThat(BundleFile.read(only(transfer2.resolve("AIRLOCK/outbound"))).request().records())
                .singleElement().satisfies(e -> assertThat(e.iid().digits()).isEqualTo(licensedIid));
        ok(Cli.airlock(lab, "audit", "verify"));
    }

    private static String rewriteFirstProduct(Path file, UnaryOperator<CollectedProduct> change) throws Exception {
        return rewriteFirstProduct(file, change, Duration.ZERO);
    }

    /** Rewrites the record's first product (and its collection time), as the collector would report it. */
    private static String rewriteFirstProduct(Path file, UnaryOperator<CollectedProduct> change, Duration later)
            throws Exception {
        CollectorRecord r = new CollectorRecordReader().read(file);
        List<CollectedProduct> products = new ArrayList<>(r.products());
        products.set(0, change.apply(products.get(0)));
        Files.write(file, new CollectorRecordWriter().write(new CollectorRecord(r.collected().plus(later),
                r.collectorVersion(), r.machine(), products)));
        return products.get(0).iid().digits();
    }

    private static CollectedProduct with(CollectedProduct p, String channel, LicenseStatus status) {
        return new CollectedProduct(p.productClass(), p.skuId(), p.applicationId(), p.name(), p.description(),
                p.partialKey(), p.epid(), channel, status, status == LicenseStatus.LICENSED ? 0 : 43200, p.iid());
    }

    private static List<Path> collectedFiles(Path labStick) throws Exception {
        try (Stream<Path> s = Files.list(labStick.resolve("AIRLOCK/collected"))) {
            return s.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
        }
    }
}
