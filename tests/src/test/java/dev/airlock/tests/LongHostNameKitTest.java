package dev.airlock.tests;

import static dev.airlock.tests.Journey.ok;
import static dev.airlock.tests.Journey.only;
import static dev.airlock.tests.Journey.status;
import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.appliance.gateway.StandInBatchActivation;
import dev.airlock.formats.kit.ActivationKitReader;
import dev.airlock.formats.kit.CollectorRecord;
import dev.airlock.formats.kit.CollectorRecordReader;
import dev.airlock.formats.kit.CollectorRecordWriter;
import dev.airlock.formats.kit.MachineIdentity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * File names built from record fields stay short and vfat-safe: a machine whose host name is the
 * 255 characters the collector format allows (and one with characters vfat refuses, starting with
 * a dot) gets its activation kit on a real vfat stick, under a short name that holds the full
 * host name inside.
 */
class LongHostNameKitTest {
    @TempDir
    Path tmp;

    @Test
    void activationKit_forA255CharacterHostName_writesAShortVfatSafeName_andTheMachineAppliesIt() throws Exception {
        Path lab = tmp.resolve("lab");
        Path gw = tmp.resolve("gw");
        Journey.initAndEnroll(tmp.resolve("cards"), lab, gw);
        try (StickImage stick = StickImage.create(tmp, 32)) {
            Path labStick = stick.mount;
            ok(Cli.airlock(null, "demo", "--machines", "2", "--to", labStick.toString()));
            List<Path> files;
            try (Stream<Path> s = Files.list(labStick.resolve("AIRLOCK/collected"))) {
                files = s.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
            }
            String longName = ("lab-3-" + "w".repeat(255)).substring(0, 255);
            rename(files.get(0), longName);
            rename(files.get(1), ".hidden:name*?<>|");
            stick.replug();
            ok(Cli.airlock(lab, "intake", labStick.toString(), "-q"));

            Path transfer = Files.createDirectories(tmp.resolve("transfer"));
            try (StandInBatchActivation microsoft = StandInBatchActivation.start()) {
                ok(Cli.airlock(lab, "export", "--to", transfer.toString()));
                Path request = only(transfer.resolve("AIRLOCK/outbound"));
                ok(Cli.airlock(gw, "gateway", "process", request.toString(), "--to", transfer.toString(),
                        "--endpoint", microsoft.endpoint().toString()));
                ok(Cli.airlock(lab, "import", transfer.toString()));
            }
            Cli.Run kit = Cli.airlock(lab, "activation-kit", "--to", labStick.toString());
            assertThat(kit.exit()).as(kit.all()).isZero();
            List<String> names;
            try (Stream<Path> s = Files.list(labStick.resolve("AIRLOCK/kit"))) {
                names = s.map(p -> p.getFileName().toString()).sorted().toList();
            }
            assertThat(names).hasSize(2).allSatisfy(n -> assertThat(n)
                    .hasSizeLessThan(120).matches("[A-Za-z0-9_][A-Za-z0-9_.~-]*\\.xml"));
            assertThat(names).anySatisfy(n -> assertThat(n).startsWith("lab-3-www").contains("~"));

            stick.replug();
            // the machines find their kit by its content, not its name: the full host name is inside
            List<String> hosts = new java.util.ArrayList<>();
            for (String n : names) {
                hosts.add(new ActivationKitReader().read(Files.readAllBytes(labStick.resolve("AIRLOCK/kit")
                        .resolve(n))).hostName());
            }
            assertThat(hosts).containsExactlyInAnyOrder(longName, ".hidden:name*?<>|");
        }
        int products = status(lab).get("products").asInt();
        assertThat(status(lab).get("byState").get("CID_RECEIVED").asInt()).isEqualTo(products);
    }

    private static void rename(Path file, String hostName) throws Exception {
        CollectorRecord r = new CollectorRecordReader().read(file);
        MachineIdentity m = r.machine();
        MachineIdentity renamed = new MachineIdentity(hostName, m.domain(), m.partOfDomain(), m.fqdn(), m.smbiosUuid(),
                m.serialNumber(), m.osCaption(), m.osVersion(), m.osBuild(), m.ipAddresses(), m.macAddresses());
        Files.write(file, new CollectorRecordWriter().write(new CollectorRecord(r.collected(), r.collectorVersion(),
                renamed, r.products())));
    }
}
