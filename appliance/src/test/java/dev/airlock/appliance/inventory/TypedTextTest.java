package dev.airlock.appliance.inventory;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.airlock.appliance.collect.IntakeOptions;
import dev.airlock.formats.ids.ApplicationId;
import dev.airlock.formats.ids.ExtendedProductId;
import dev.airlock.formats.ids.InstallationId;
import dev.airlock.formats.ids.SkuId;
import dev.airlock.formats.kit.LicenseStatus;
import dev.airlock.formats.outside.NastyStrings;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Typed or pasted text (manual entry, lab group names) follows the same rule as text from outside. */
class TypedTextTest {
    @Test
    void manualEntry_withANastyHostProductOrGroup_isRefusedWithTheReason() {
        for (NastyStrings.Nasty n : NastyStrings.all()) {
            String v = n.value();
            assertThatThrownBy(() -> entry(v, "Windows", Optional.empty())).as(n.name())
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("host name")
                    .hasMessageContaining(n.reason());
            assertThatThrownBy(() -> entry("PC-1", v, Optional.empty())).as(n.name())
                    .hasMessageContaining("product name").hasMessageContaining(n.reason());
            assertThatThrownBy(() -> entry("PC-1", "Windows", Optional.of(v))).as(n.name())
                    .hasMessageContaining("group").hasMessageContaining(n.reason());
            assertThatThrownBy(() -> new IntakeOptions(Optional.of(v), OptionalLong.empty())).as(n.name())
                    .hasMessageContaining("group name").hasMessageContaining(n.reason());
        }
    }

    private static ManualEntry entry(String host, String product, Optional<String> group) throws Exception {
        return new ManualEntry(host, group, SkuId.parse("73111121-5638-40f6-bc11-f1d7b0d64300"),
                ApplicationId.WINDOWS, product,
                ExtendedProductId.parse("03612-03308-000-000000-03-1033-9200.0000-0242016"),
                InstallationId.parse(String.format("%063d", 7_000_001L)), Optional.empty(), "Volume:MAK",
                LicenseStatus.NOTIFICATION);
    }
}
