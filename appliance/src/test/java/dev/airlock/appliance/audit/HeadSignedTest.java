package dev.airlock.appliance.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.appliance.audit.AuditEvent.Row;
import dev.airlock.formats.signature.Fingerprint;
import org.junit.jupiter.api.Test;

/** The row announcing a signed head renders as it was written by hand before (golden strings). */
class HeadSignedTest {
    @Test
    void headSigned_rendersRowsAndKeyFingerprint() {
        assertThat(new HeadSigned(42, Fingerprint.parse("123456789012345678901234567890")).row())
                .isEqualTo(new Row("audit.sign", "audit log",
                        "head of rows 1 to 42 signed with key 12345 67890 12345 67890 12345 67890"));
    }
}
