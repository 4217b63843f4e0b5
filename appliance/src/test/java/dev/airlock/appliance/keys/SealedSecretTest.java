package dev.airlock.appliance.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SealedSecretTest {
    private static final byte[] SALT = new byte[16];
    private static final byte[] SECRET = "BCDFG-HJKMP-QRTVW-XY234-6789B".getBytes(StandardCharsets.US_ASCII);
    private final SecureRandom random = new SecureRandom();

    private static Unlocked unlocked(String passphrase) {
        return Unlocked.derive(Passphrase.of(passphrase), KeysFixture.CHEAP, SALT);
    }

    @Test
    void seal_thenOpen_returnsThePlaintext() throws Exception {
        try (Unlocked keys = unlocked(KeysFixture.PASSPHRASE)) {
            SealedSecret sealed = SealedSecret.seal(keys, "mak/1", SECRET, random);
            byte[] stored = sealed.bytes();
            assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("BCDFG").doesNotContain("6789B");
            assertThat(SealedSecret.parse(stored, "MAK 1").open(keys, "mak/1", "MAK 1")).isEqualTo(SECRET);
        }
    }

    @Test
    void seal_twice_givesDifferentSaltNonceAndCiphertext() {
        try (Unlocked keys = unlocked(KeysFixture.PASSPHRASE)) {
            byte[] a = SealedSecret.seal(keys, "mak/1", SECRET, random).bytes();
            byte[] b = SealedSecret.seal(keys, "mak/1", SECRET, random).bytes();
            assertThat(a).isNotEqualTo(b);
        }
    }

    @Test
    void open_withAnotherPassphrase_throwsAndYieldsNoPlaintext() {
        byte[] stored;
        try (Unlocked keys = unlocked(KeysFixture.PASSPHRASE)) {
            stored = SealedSecret.seal(keys, "mak/1", SECRET, random).bytes();
        }
        try (Unlocked other = unlocked("another passphrase entirely")) {
            assertThatThrownBy(() -> SealedSecret.parse(stored, "MAK 1").open(other, "mak/1", "MAK 1"))
                    .isInstanceOf(SecretTamperedException.class);
        }
    }

    @Test
    void open_withAnyByteFlipped_orAnotherPurpose_throws() throws Exception {
        try (Unlocked keys = unlocked(KeysFixture.PASSPHRASE)) {
            byte[] stored = SealedSecret.seal(keys, "mak/1", SECRET, random).bytes();
            List<String> opened = new ArrayList<>();
            // every byte: magic, KDF id and parameters, KDF salt, secret salt, nonce, ciphertext, tag
            for (int i = 0; i < stored.length; i++) {
                byte[] tampered = stored.clone();
                tampered[i] ^= 0x01;
                try {
                    SealedSecret.parse(tampered, "MAK 1").open(keys, "mak/1", "MAK 1");
                    opened.add("byte " + i);
                } catch (SecretTamperedException expected) {
                    assertThat(expected.getMessage()).contains("integrity check").doesNotContain("BCDFG");
                }
            }
            assertThat(opened).as("tampered blobs that still opened").isEmpty();
            assertThatThrownBy(() -> SealedSecret.parse(stored, "MAK 2").open(keys, "mak/2", "MAK 2"))
                    .as("associated data binds the blob to its row").isInstanceOf(SecretTamperedException.class);
            assertThatThrownBy(() -> SealedSecret.parse(java.util.Arrays.copyOf(stored, 40), "MAK 1"))
                    .as("truncated").isInstanceOf(SecretTamperedException.class);
            assertThatThrownBy(() -> SealedSecret.parse(new byte[0], "MAK 1")).isInstanceOf(SecretTamperedException.class);
        }
    }
}
