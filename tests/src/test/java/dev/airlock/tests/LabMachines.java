package dev.airlock.tests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.formats.ids.InstallationId;
import dev.airlock.formats.kit.ActivationKit;
import dev.airlock.formats.kit.ActivationKitReader;
import dev.airlock.formats.kit.ApplyResult;
import dev.airlock.formats.kit.ApplyResultWriter;
import dev.airlock.formats.kit.CollectedProduct;
import dev.airlock.formats.kit.CollectorRecord;
import dev.airlock.formats.kit.CollectorRecordReader;
import dev.airlock.formats.kit.LicenseStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;

/** The lab machines' side of a round trip, as the collector kit does it: used by the CLI and browser journeys. */
public final class LabMachines {
    private LabMachines() {}

    /** What Collect.ps1 -Apply does at each machine: deposit, refresh, Licensed, write a result with a fresh collection. */
    public static void applyKit(Path labStick, int daysLater) throws Exception {
        Map<String, CollectorRecord> byUuid = new HashMap<>();
        CollectorRecordReader reader = new CollectorRecordReader();
        for (Path f : xmlFiles(labStick.resolve("AIRLOCK/collected"))) {
            CollectorRecord r = reader.read(f);
            byUuid.put(r.machine().smbiosUuid(), r);
        }
        Path results = Files.createDirectories(labStick.resolve("AIRLOCK/results"));
        ActivationKitReader kits = new ActivationKitReader();
        ApplyResultWriter writer = new ApplyResultWriter();
        try (Stream<Path> s = Files.list(labStick.resolve("AIRLOCK/kit"))) {
            for (Path kitFile : s.filter(p -> p.toString().endsWith(".xml")).toList()) {
                ActivationKit kit = kits.read(Files.readAllBytes(kitFile));
                CollectorRecord before = byUuid.get(kit.smbiosUuid());
                assertThat(before).as("machine of " + kitFile).isNotNull();
                List<ApplyResult.Outcome> outcomes = new ArrayList<>();
                for (ActivationKit.Product p : kit.products()) {
                    outcomes.add(new ApplyResult.Outcome(p.skuId(), p.iid(), ApplyResult.Result.DEPOSITED,
                            OptionalLong.of(0), Optional.of(LicenseStatus.LICENSED), ""));
                }
                CollectorRecord now = new CollectorRecord(before.collected().plus(Duration.ofDays(1 + daysLater)),
                        before.collectorVersion(), before.machine(), before.products().stream()
                                .map(p -> withStatus(p, LicenseStatus.LICENSED, p.iid())).toList());
                ApplyResult result = new ApplyResult(now.collected(), "1.0.0", kitFile.getFileName().toString(),
                        outcomes, now);
                Files.write(results.resolve(kit.fileName().replace(".xml", "") + "_result.xml"), writer.write(result));
            }
        }
    }

    /** A collected product with another licence status (and IID). */
    public static CollectedProduct withStatus(CollectedProduct p, LicenseStatus status, InstallationId iid) {
        return new CollectedProduct(p.productClass(), p.skuId(), p.applicationId(), p.name(), p.description(),
                p.partialKey(), p.epid(), p.channel(), status, status == LicenseStatus.LICENSED ? 0 : 43200, iid);
    }

    private static List<Path> xmlFiles(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
        }
    }
}
