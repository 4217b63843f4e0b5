package dev.airlock.appliance.testing;

import dev.airlock.appliance.Appliance;
import dev.airlock.appliance.audit.Actor;
import dev.airlock.appliance.inventory.ManualEntry;
import dev.airlock.appliance.store.ApplianceInfo;
import dev.airlock.formats.ids.ApplicationId;
import dev.airlock.formats.ids.ExtendedProductId;
import dev.airlock.formats.ids.InstallationId;
import dev.airlock.formats.ids.InvalidIdException;
import dev.airlock.formats.ids.SkuId;
import dev.airlock.formats.kit.LicenseStatus;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.SplittableRandom;

/** Made-up appliances and manual entries for store and audit tests (no real IDs or keys). */
public final class Samples {
    /** The instant every sample clock reads. */
    public static final Instant NOW = Instant.parse("2025-03-04T05:06:07.089Z");
    public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    public static final Actor SUPERVISOR = new Actor("supervisor");
    public static final Actor TECHNICIAN = new Actor("tech-1");
    private static final String SKU = "73111121-5638-40f6-bc11-f1d7b0d64300";
    private static final String EPID = "03612-03308-000-000000-03-1033-9200.0000-0242016";

    private Samples() {}

    /** A new lab appliance in {@code dataDir} (one audit row: appliance.init). */
    public static Appliance initLab(Path dataDir) {
        return Appliance.init(dataDir, ApplianceInfo.Role.LAB, "Lab 1", SUPERVISOR, CLOCK, new SplittableRandom(7));
    }

    /** Machine {@code LAB-PC-n} with one Windows product whose 63-digit IID is unique to {@code n}. */
    public static ManualEntry manualEntry(int n) {
        try {
            return new ManualEntry("LAB-PC-" + n, Optional.empty(), SkuId.parse(SKU), ApplicationId.WINDOWS,
                    "Windows(R), Enterprise edition", ExtendedProductId.parse(EPID),
                    InstallationId.parse(String.format("%063d", 1_000_000L + n)), Optional.empty(),
                    "Volume:MAK", LicenseStatus.NOTIFICATION);
        } catch (InvalidIdException e) {
            throw new IllegalStateException("sample IDs are valid", e);
        }
    }
}
