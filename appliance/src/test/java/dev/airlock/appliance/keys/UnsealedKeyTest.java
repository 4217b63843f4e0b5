package dev.airlock.appliance.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.airlock.appliance.testing.Samples;
import dev.airlock.formats.signature.PublicKey;
import dev.airlock.formats.signature.Signer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The key a session holds unsealed: signs without another derivation, zeroed and refused once sealed. */
class UnsealedKeyTest {
    private static final byte[] DATA = "request bundle".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path tmp;

    KeysFixture f;
    PublicKey key;

    @BeforeEach
    void setUp() throws Exception {
        f = new KeysFixture(tmp);
        key = f.keys.initialize(KeysFixture.pass(KeysFixture.PASSPHRASE), Samples.SUPERVISOR);
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    @Test
    void unseal_thenEverySigning_derivesNoKeyAgain() throws Exception {
        UnsealedKey held = f.keys.unseal(KeysFixture.pass(KeysFixture.PASSPHRASE), Samples.SUPERVISOR);
        long before = Unlocked.derivations();
        for (int i = 0; i < 3; i++) {
            Signer signer = f.keys.signer(held, Samples.TECHNICIAN);
            key.verifier().verify(signer.sign(DATA), DATA);
            f.keys.checkAccess(held, Samples.TECHNICIAN);
        }
        assertThat(Unlocked.derivations()).isEqualTo(before);
        // the passphrase still derives every time
        f.keys.signer(KeysFixture.pass(KeysFixture.PASSPHRASE), Samples.TECHNICIAN);
        assertThat(Unlocked.derivations()).isEqualTo(before + 1);
    }

    @Test
    void seal_zeroesTheBytes_andRefusesSigning_evenWithASignerHandedOutBefore() throws Exception {
        UnsealedKey held = f.keys.unseal(KeysFixture.pass(KeysFixture.PASSPHRASE), Samples.SUPERVISOR);
        Signer earlier = f.keys.signer(held, Samples.TECHNICIAN);
        assertThat(KeyProbe.isZeroed(held)).isFalse();
        held.seal();
        assertThat(held.isSealed()).isTrue();
        assertThat(KeyProbe.isZeroed(held)).isTrue();
        assertThatThrownBy(() -> f.keys.signer(held, Samples.TECHNICIAN)).isInstanceOf(KeysException.class)
                .hasMessageContaining("sealed");
        assertThatThrownBy(() -> f.keys.checkAccess(held, Samples.TECHNICIAN)).isInstanceOf(KeysException.class);
        assertThatThrownBy(() -> earlier.sign(DATA)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("nothing was signed");
    }

    @Test
    void unseal_withWrongPassphrase_isCountedLikeEveryUse_andHoldsNothing() {
        assertThatThrownBy(() -> f.keys.unseal(KeysFixture.pass("not the passphrase"), Samples.SUPERVISOR))
                .isInstanceOf(WrongPassphraseException.class);
        assertThat(f.audit.recent(1, "").get(0).action()).isEqualTo("passphrase.wrong");
    }

    @Test
    void unsealedKey_ofAnotherStore_isRefused() throws Exception {
        UnsealedKey held = f.keys.unseal(KeysFixture.pass(KeysFixture.PASSPHRASE), Samples.SUPERVISOR);
        try (KeysFixture other = new KeysFixture(tmp.resolve("other"))) {
            other.keys.initialize(KeysFixture.pass(KeysFixture.PASSPHRASE), Samples.SUPERVISOR);
            assertThatThrownBy(() -> other.keys.signer(held, Samples.TECHNICIAN)).isInstanceOf(KeysException.class)
                    .hasMessageContaining("not this appliance's key");
        }
    }
}
