package dev.airlock.appliance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.appliance.audit.AuditEvent.Row;
import dev.airlock.appliance.store.ApplianceInfo;
import org.junit.jupiter.api.Test;

/** The first row of every log renders as it was written by hand before (golden strings). */
class ApplianceInitializedTest {
    @Test
    void applianceInitialized_rendersRoleAndName() {
        assertThat(new ApplianceInitialized("00112233445566778899aabbccddeeff", ApplianceInfo.Role.LAB,
                "Lab 1").row())
                .isEqualTo(new Row("appliance.init", "appliance 00112233445566778899aabbccddeeff",
                        "role=lab; name=Lab 1"));
    }
}
