package dev.airlock.appliance.enroll;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.appliance.audit.AuditEvent.Row;
import dev.airlock.appliance.store.ApplianceInfo;
import dev.airlock.formats.signature.Fingerprint;
import dev.airlock.formats.signature.KeyId;
import org.junit.jupiter.api.Test;

/** Each trust event renders the very row the service wrote by hand before (golden strings). */
class TrustEventsTest {
    private static final KeyId KEY = KeyId.parse("0123456789abcdef");

    @Test
    void peerTrusted_rendersRoleLabelAndFingerprintInGroups() {
        assertThat(new TrustEvents.PeerTrusted(KEY, ApplianceInfo.Role.GATEWAY, "gateway-1",
                Fingerprint.parse("123456789012345678901234567890")).row())
                .isEqualTo(new Row("trust.add", "key 0123456789abcdef",
                        "gateway 'gateway-1', fingerprint 12345 67890 12345 67890 12345 67890"));
    }

    @Test
    void peerRemoved_rendersRoleAndLabel() {
        assertThat(new TrustEvents.PeerRemoved(KEY, ApplianceInfo.Role.LAB, "Lab 1").row())
                .isEqualTo(new Row("trust.remove", "key 0123456789abcdef", "lab 'Lab 1'"));
    }
}
