package dev.airlock.tests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.appliance.demo.DemoApply;
import dev.airlock.formats.ids.InstallationId;
import dev.airlock.formats.kit.CollectedProduct;
import dev.airlock.formats.kit.LicenseStatus;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/** The lab machines' side of a round trip, as the collector kit does it: used by the CLI and browser journeys. */
public final class LabMachines {
    private LabMachines() {}

    /**
     * What Collect.ps1 -Apply does at each machine of the kit (deposit, refresh, Licensed, a result
     * with a fresh collection), played by {@code airlock demo apply}'s code: each result is dated
     * {@code 1 + daysLater} days after the machine's last collection on the stick.
     */
    public static void applyKit(Path labStick, int daysLater) throws Exception {
        DemoApply.Played played = new DemoApply(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC),
                Duration.ofDays(1 + daysLater)).play(labStick);
        assertThat(played).as(played.toString()).isInstanceOf(DemoApply.Played.Written.class);
        assertThat(((DemoApply.Played.Written) played).files()).isNotEmpty();
    }

    /** A collected product with another licence status (and IID). */
    public static CollectedProduct withStatus(CollectedProduct p, LicenseStatus status, InstallationId iid) {
        return new CollectedProduct(p.productClass(), p.skuId(), p.applicationId(), p.name(), p.description(),
                p.partialKey(), p.epid(), p.channel(), status, status == LicenseStatus.LICENSED ? 0 : 43200, iid);
    }
}
