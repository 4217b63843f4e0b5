package dev.airlock.appliance.keys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.appliance.audit.AuditEvent.Row;
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
        assertThat(new KeyEvents.KeysInitialized(KEY, Fingerprint.parse("123456789012345678901234567890"),
                new KdfParams(65536, 3, 1)).row())
                .isEqualTo(new Row("keys.init", "key 0123456789abcdef", "Ed25519 key pair generated;"
                        + " fingerprint 12345 67890 12345 67890 12345 67890;"
                        + " supervisor passphrase set (Argon2id m=65536KiB t=3 p=1)"));
    }

    @Test
    void keyCardSigned_rendersTheLabel() {
        assertThat(new KeyEvents.KeyCardSigned(KEY, "Lab 1").row())
                .isEqualTo(new Row("keys.card", "key 0123456789abcdef", "key card signed; label Lab 1"));
    }

    @Test
    void passphraseWrong_rendersTheWaitOnlyWhenThereIsOne() {
        assertThat(new KeyEvents.PassphraseWrong(1, Duration.ZERO).row())
                .isEqualTo(new Row("passphrase.wrong", "keyring", "1 wrong in a row"));
        assertThat(new KeyEvents.PassphraseWrong(4, Duration.ofSeconds(8)).row().details())
                .isEqualTo("4 wrong in a row; next try waits 8 s");
    }

    @Test
    void makAdded_rendersPartialKeyAndDescriptionWhenThereIsOne() throws Exception {
        PartialProductKey partial = PartialProductKey.parse("7H2KW");
        assertThat(new MakEvents.MakAdded(3, partial, "Office 2021 LTSC").row())
                .isEqualTo(new Row("mak.add", "mak 3", "partial key 7H2KW; description Office 2021 LTSC"));
        assertThat(new MakEvents.MakAdded(3, partial, "").row().details()).isEqualTo("partial key 7H2KW");
    }

    @Test
    void makRemoved_rendersThePartialKey() {
        assertThat(new MakEvents.MakRemoved(3, "7H2KW").row())
                .isEqualTo(new Row("mak.remove", "mak 3", "partial key 7H2KW"));
    }

    @Test
    void makRevealed_rendersWhatFor() throws Exception {
        assertThat(new MakEvents.MakRevealed(3, PartialProductKey.parse("7H2KW"),
                "collector kit on /media/STICK").row())
                .isEqualTo(new Row("mak.reveal", "mak 3", "partial key 7H2KW; for collector kit on /media/STICK"));
    }

    @Test
    void makRemainingLearned_rendersCountAndWhen() {
        assertThat(new MakEvents.MakRemainingLearned(3, 412, Instant.parse("2025-03-04T05:06:07Z")).row())
                .isEqualTo(new Row("mak.remaining", "mak 3", "412 activations left as of 2025-03-04T05:06:07Z"));
    }
}
