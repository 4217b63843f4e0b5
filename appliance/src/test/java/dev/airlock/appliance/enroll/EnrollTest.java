package dev.airlock.appliance.enroll;

import dev.airlock.appliance.keys.KeysException;
import dev.airlock.appliance.keys.KeysFixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.airlock.appliance.audit.ChainReport;
import dev.airlock.appliance.store.ApplianceInfo.Role;
import dev.airlock.appliance.testing.Samples;
import dev.airlock.formats.signature.Fingerprint;
import dev.airlock.formats.signature.PublicKey;
import dev.airlock.formats.signature.SigningKey;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnrollTest {
    @TempDir
    Path tmp;

    KeysFixture f;
    final PublicKey gateway = SigningKey.generate(new SecureRandom()).publicKey();

    @BeforeEach
    void setUp() throws Exception {
        f = new KeysFixture(tmp);
        f.keys.initialize(KeysFixture.pass(KeysFixture.PASSPHRASE), Samples.SUPERVISOR);
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    @Test
    void pin_withMatchingFingerprint_isTrustedByKeyId() throws Exception {
        Fingerprint typed = Fingerprint.parse(gateway.fingerprint().toString().replace(" ", "-"));
        TrustedPeer peer = f.trust.pin(Role.GATEWAY, "Gateway A", gateway, typed, Samples.SUPERVISOR);
        assertThat(f.trust.trusted(gateway.id())).contains(peer);
        assertThat(f.trust.list()).singleElement().satisfies(p -> {
            assertThat(p.label()).isEqualTo("Gateway A");
            assertThat(p.role()).isEqualTo(Role.GATEWAY);
            assertThat(p.addedBy()).isEqualTo("supervisor");
            assertThat(p.added()).isEqualTo(Samples.NOW);
        });
        assertThat(f.audit.recent(1, "key " + gateway.id()).get(0).action()).isEqualTo("trust.add");
        assertThat(f.audit.verify()).isInstanceOf(ChainReport.Intact.class);
    }

    @Test
    void pin_withWrongFingerprint_storesNothing() {
        String digits = gateway.fingerprint().digits();
        char flipped = digits.charAt(12) == '0' ? '1' : '0';
        Fingerprint typo = Fingerprint.parse(digits.substring(0, 12) + flipped + digits.substring(13));
        assertThatThrownBy(() -> f.trust.pin(Role.GATEWAY, "Gateway A", gateway, typo, Samples.SUPERVISOR))
                .isInstanceOf(KeysException.class).hasMessageContaining("does not match")
                .hasMessageContaining("group 3").hasMessageContaining("nothing was stored")
                .hasMessageNotContaining(gateway.fingerprint().groups().get(2));
        assertThat(f.trust.list()).isEmpty();
        assertThat(f.trust.trusted(gateway.id())).isEmpty();
    }

    @Test
    void pin_aLabCardOnALab_isRefused() {
        assertThatThrownBy(() -> f.trust.pin(Role.LAB, "Lab 2", gateway, gateway.fingerprint(), Samples.SUPERVISOR))
                .isInstanceOf(KeysException.class).hasMessageContaining("a lab trusts only gateways");
        assertThat(f.trust.list()).isEmpty();
    }

    @Test
    void pin_ownKey_orTheSameKeyTwice_orALabelTwice_isRefused() throws Exception {
        PublicKey own = f.keys.publicKey();
        assertThatThrownBy(() -> f.trust.pin(Role.GATEWAY, "Me", own, own.fingerprint(), Samples.SUPERVISOR))
                .hasMessageContaining("own card");
        f.trust.pin(Role.GATEWAY, "Gateway A", gateway, gateway.fingerprint(), Samples.SUPERVISOR);
        assertThatThrownBy(() -> f.trust.pin(Role.GATEWAY, "Gateway B", gateway, gateway.fingerprint(),
                Samples.SUPERVISOR)).hasMessageContaining("already trusted as 'Gateway A'");
        PublicKey other = SigningKey.generate(new SecureRandom()).publicKey();
        assertThatThrownBy(() -> f.trust.pin(Role.GATEWAY, "gateway a", other, other.fingerprint(),
                Samples.SUPERVISOR)).hasMessageContaining("already called");
        assertThat(f.trust.list()).hasSize(1);
    }

    @Test
    void remove_byLabelOrKeyId() throws Exception {
        f.trust.pin(Role.GATEWAY, "Gateway A", gateway, gateway.fingerprint(), Samples.SUPERVISOR);
        f.trust.remove("GATEWAY A", Samples.SUPERVISOR);
        assertThat(f.trust.list()).isEmpty();
        f.trust.pin(Role.GATEWAY, "Gateway A", gateway, gateway.fingerprint(), Samples.SUPERVISOR);
        f.trust.remove(gateway.id().toString().toUpperCase(), Samples.SUPERVISOR);
        assertThat(f.trust.trusted(gateway.id())).isEmpty();
        assertThatThrownBy(() -> f.trust.remove("nobody", Samples.SUPERVISOR)).hasMessageContaining("no trusted peer");
        assertThat(f.audit.verify()).isInstanceOf(ChainReport.Intact.class);
    }

    @Test
    void gateway_trustsLabsOnly() throws Exception {
        try (KeysFixture g = new KeysFixture(tmp.resolve("gw"), Role.GATEWAY)) {
            PublicKey lab = SigningKey.generate(new SecureRandom()).publicKey();
            g.trust.pin(Role.LAB, "Lab 3", lab, lab.fingerprint(), Samples.SUPERVISOR);
            assertThatThrownBy(() -> g.trust.pin(Role.GATEWAY, "GW", gateway, gateway.fingerprint(),
                    Samples.SUPERVISOR)).hasMessageContaining("a gateway trusts only labs");
        }
    }
}
