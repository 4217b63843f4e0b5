package dev.airlock.appliance.keys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.appliance.testing.AuditRow;
import dev.airlock.formats.ids.PartialProductKey;
import dev.airlock.formats.signature.Fingerprint;
import dev.airlock.formats.signature.KeyId;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Each event of the keys and the MAK vault renders the very row written by hand before (golden strings). */
class KeyEventsTest {
    private static final KeyId KEY = KeyId.parse("0123456789abcdef");

    @Test
    void keysInitialized_rendersFingerprintAndKdf() {
        assertThat(AuditRow.of(new KeyEvents.KeysInitialized(KEY, Fingerprint.parse("123456789012345678901234567890"),
                new KdfParams(65536, 3, 1))))
                .isEqualTo(new AuditRow("keys.init", "key 0123456789abcdef", "Ed25519 key pair generated;"
                        + " fingerprint 12345 67890 12345 67890 12345 67890;"
                        + " supervisor passphrase set (Argon2id m=65536KiB t=3 p=1)"));
    }

    @Test
    void keyCardSigned_rendersTheLabel() {
        assertThat(AuditRow.of(new KeyEvents.KeyCardSigned(KEY, "Lab 1")))
                .isEqualTo(new AuditRow("keys.card", "key 0123456789abcdef", "key card signed; label Lab 1"));
    }

    @Test
    void passphraseWrong_rendersTheWaitOnlyWhenThereIsOne() {
        assertThat(AuditRow.of(new KeyEvents.PassphraseWrong(1, Duration.ZERO)))
                .isEqualTo(new AuditRow("passphrase.wrong", "keyring", "1 wrong in a row"));
        assertThat(new KeyEvents.PassphraseWrong(4, Duration.ofSeconds(8)).details())
                .isEqualTo("4 wrong in a row; next try waits 8 s");
    }

    @Test
    void makAdded_rendersPartialKeyAndDescriptionWhenThereIsOne() throws Exception {
        PartialProductKey partial = PartialProductKey.parse("7H2KW");
        assertThat(AuditRow.of(new MakEvents.MakAdded(3, partial, "Office 2021 LTSC")))
                .isEqualTo(new AuditRow("mak.add", "mak 3", "partial key 7H2KW; description Office 2021 LTSC"));
        assertThat(new MakEvents.MakAdded(3, partial, "").details()).isEqualTo("partial key 7H2KW");
    }

    @Test
    void makRemoved_rendersThePartialKey() {
        assertThat(AuditRow.of(new MakEvents.MakRemoved(3, "7H2KW")))
                .isEqualTo(new AuditRow("mak.remove", "mak 3", "partial key 7H2KW"));
    }

    @Test
    void makRevealed_rendersWhatFor() throws Exception {
        assertThat(AuditRow.of(new MakEvents.MakRevealed(3, PartialProductKey.parse("7H2KW"),
                "collector kit on /media/STICK")))
                .isEqualTo(new AuditRow("mak.reveal", "mak 3", "partial key 7H2KW; for collector kit on /media/STICK"));
    }

    @Test
    void makRemainingLearned_rendersCountAndWhen() {
        assertThat(AuditRow.of(new MakEvents.MakRemainingLearned(3, 412, Instant.parse("2025-03-04T05:06:07Z"))))
                .isEqualTo(new AuditRow("mak.remaining", "mak 3", "412 activations left as of 2025-03-04T05:06:07Z"));
    }
}
