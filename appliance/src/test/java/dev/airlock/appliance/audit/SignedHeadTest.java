package dev.airlock.appliance.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.airlock.formats.signature.KeyId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The signed head value: what it accepts, and the exact bytes its signature is over (pinned). */
class SignedHeadTest {
    private static final String HASH = "ab".repeat(32);
    private static final String FINGERPRINT = "123456789012345678901234567890";
    private static final Instant AT = Instant.parse("2026-12-01T20:13:00.123456Z");

    @Test
    void message_isTheDomainTagThenKeyRowsHashAndTime() {
        byte[] m = SignedHead.message(KeyId.parse("0011223344556677"), 58, HASH, AT);

        assertThat(new String(m, StandardCharsets.US_ASCII)).isEqualTo("airlock/audit-head/1\0key=0011223344556677\n"
                + "rows=58\nlast=" + HASH + "\nat=2026-12-01T20:13:00.123Z\n");
    }

    @Test
    void create_truncatesTheTimeToTheStoresMilliseconds() {
        assertThat(new SignedHead(1, HASH, AT, FINGERPRINT, new byte[64]).signedAt())
                .isEqualTo(Instant.parse("2026-12-01T20:13:00.123Z"));
    }

    @Test
    void create_withNoRows_throws() {
        assertThatThrownBy(() -> new SignedHead(0, HASH, AT, FINGERPRINT, new byte[64]))
                .hasMessageContaining("at least 1 row");
    }

    @Test
    void create_withUpperCaseOrShortHash_throws() {
        assertThatThrownBy(() -> new SignedHead(3, HASH.toUpperCase(), AT, FINGERPRINT, new byte[64]))
                .hasMessageContaining("64 lower-case hex digits");
        assertThatThrownBy(() -> new SignedHead(3, "abc", AT, FINGERPRINT, new byte[64]))
                .hasMessageContaining("64 lower-case hex digits");
    }

    @Test
    void create_withGroupedFingerprint_throws() {
        assertThatThrownBy(() -> new SignedHead(3, HASH, AT, "12345 67890", new byte[64]))
                .hasMessageContaining("30 digits");
    }

    @Test
    void signature_isACopy_soTheValueStaysImmutable() {
        byte[] sig = new byte[64];
        SignedHead head = new SignedHead(3, HASH, AT, FINGERPRINT, sig);
        sig[0] = 1;
        head.signature()[1] = 1;

        assertThat(head.signature()).containsOnly(0);
        assertThat(head).isEqualTo(new SignedHead(3, HASH, AT, FINGERPRINT, new byte[64]));
    }

    @Test
    void rowsSinceLastSigned_countsEveryRowWhenNothingWasSigned() {
        assertThat(new AuditReport.Intact(7, java.util.Optional.empty(), 0, java.util.Optional.empty())
                .rowsSinceLastSigned()).isEqualTo(7);
        assertThat(new AuditReport.Intact(7, java.util.Optional.of(new SignedHead(5, HASH, AT, FINGERPRINT,
                new byte[64])), 1, java.util.Optional.of(FINGERPRINT)).rowsSinceLastSigned()).isEqualTo(2);
    }
}
