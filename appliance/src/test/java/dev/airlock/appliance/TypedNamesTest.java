package dev.airlock.appliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.airlock.appliance.audit.Actor;
import dev.airlock.appliance.keys.KeysException;
import dev.airlock.appliance.operators.OperatorException;
import dev.airlock.appliance.operators.OperatorRole;
import dev.airlock.appliance.store.ApplianceInfo;
import dev.airlock.appliance.testing.Samples;
import dev.airlock.formats.ids.ProductKey;
import dev.airlock.formats.outside.NastyStrings;
import dev.airlock.formats.outside.NastyStrings.Nasty;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Names people type on the appliance (its own name, operators, the actor of a CLI run, a peer's
 * trust label, a MAK's description) follow the rule for text from outside: one line of plain
 * text, refused with the reason, and nothing is stored.
 */
class TypedNamesTest {
    @TempDir
    Path tmp;

    @Test
    void aNastyName_isRefusedWithTheReason_everywhereANameIsTyped() throws Exception {
        try (Appliance lab = Samples.initLab(tmp.resolve("lab"))) {
            int i = 0;
            for (Nasty n : NastyStrings.all()) {
                String v = n.value();
                Path dir = tmp.resolve("init-" + i++);
                assertThatThrownBy(() -> Appliance.init(dir, ApplianceInfo.Role.LAB, v, Samples.SUPERVISOR,
                        Samples.CLOCK, new SplittableRandom(1))).as(n.name())
                        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("appliance name")
                        .hasMessageContaining(n.reason());
                assertThat(Appliance.exists(dir)).as(n.name()).isFalse();
                assertThatThrownBy(() -> new Actor(v)).as(n.name()).isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("operator name").hasMessageContaining(n.reason());
                assertThatThrownBy(() -> lab.operators().add(v, OperatorRole.TECHNICIAN, "2468".toCharArray(),
                        Samples.SUPERVISOR)).as(n.name()).isInstanceOf(OperatorException.class)
                        .hasMessageContaining("name").hasMessageContaining(n.reason());
                // refused before the key or the passphrase is looked at
                assertThatThrownBy(() -> lab.enroll().pin(ApplianceInfo.Role.GATEWAY, v, null, null,
                        Samples.SUPERVISOR)).as(n.name()).isInstanceOf(KeysException.class)
                        .hasMessageContaining("label").hasMessageContaining(n.reason());
                assertThatThrownBy(() -> lab.makVault().add(ProductKey.parse("BCDFG-HJKMP-QRTVW-XY234-6789B"), v,
                        null, Samples.SUPERVISOR)).as(n.name()).isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("description").hasMessageContaining(n.reason());
            }
            assertThat(lab.operators().list()).isEmpty();
            assertThat(lab.enroll().list()).isEmpty();
            assertThat(lab.makVault().list()).isEmpty();
        }
    }

    @Test
    void unusualButPlainNames_areTakenAsTheyAre() throws Exception {
        try (Appliance lab = Samples.initLab(tmp.resolve("lab"))) {
            for (String clean : NastyStrings.clean()) {
                assertThat(new Actor(clean).name()).isEqualTo(clean.strip());
                assertThat(lab.operators().add(clean, OperatorRole.TECHNICIAN, "2468".toCharArray(),
                        Samples.SUPERVISOR).name()).isEqualTo(clean.strip());
            }
        }
    }
}
