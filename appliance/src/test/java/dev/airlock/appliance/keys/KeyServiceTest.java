package dev.airlock.appliance.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.airlock.appliance.audit.AuditEntry;
import dev.airlock.appliance.audit.ChainReport;
import dev.airlock.appliance.testing.Samples;
import dev.airlock.formats.signature.PublicKey;
import dev.airlock.formats.signature.Signer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyServiceTest {
    @TempDir
    Path tmp;

    KeysFixture f;

    @BeforeEach
    void setUp() {
        f = new KeysFixture(tmp);
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    private static final byte[] DATA = "request bundle".getBytes(StandardCharsets.UTF_8);

    @Test
    void initialize_thenSigner_signsWhatThePublicKeyVerifies() throws Exception {
        assertThat(f.keys.hasKeys()).isFalse();
        PublicKey key = f.keys.initialize(KeysFixture.pass(KeysFixture.PASSPHRASE), Samples.SUPERVISOR);
        assertThat(f.keys.hasKeys()).isTrue();
        assertThat(f.keys.publicKey()).isEqualTo(key);
        Signer signer = f.keys.signer(KeysFixture.pass(KeysFixture.PASSPHRASE), Samples.SUPERVISOR);
        key.verifier().verify(signer.sign(DATA), DATA);
        assertThat(f.audit.recent(10, "").stream().map(AuditEntry::action)).contains("keys.init");
        assertThat(f.audit.verify()).isInstanceOf(ChainReport.Intact.class);
    }

    @Test
    void initialize_twice_isRefusedAndKeepsTheKey() throws Exception {
        PublicKey key = f.keys.initialize(KeysFixture.pass(KeysFixture.PASSPHRASE), Samples.SUPERVISOR);
        assertThatThrownBy(() -> f.keys.initialize(KeysFixture.pass("another long passphrase"), Samples.SUPERVISOR))
                .isInstanceOf(KeysException.class).hasMessageContaining("already has a key pair");
        assertThat(f.keys.publicKey()).isEqualTo(key);
    }

    @Test
    void initialize_withShortPassphrase_isRefusedAndStoresNothing() {
        assertThatThrownBy(() -> f.keys.initialize(KeysFixture.pass("short"), Samples.SUPERVISOR))
                .isInstanceOf(WeakPassphraseException.class).hasMessageContaining("at least 10 characters")
                .hasMessageNotContaining("short\"");
        assertThat(f.keys.hasKeys()).isFalse();
    }

    @Test
    void signer_withoutKeys_saysRunKeyInit() {
        assertThatThrownBy(() -> f.keys.signer(KeysFixture.pass(KeysFixture.PASSPHRASE), Samples.SUPERVISOR))
                .isInstanceOf(KeysException.class).hasMessageContaining("./airlock key init");
    }

    @Test
    void signer_withWrongPassphrase_saysWrongPassphrase_andAuditsIt() throws Exception {
        f.keys.initialize(KeysFixture.pass(KeysFixture.PASSPHRASE), Samples.SUPERVISOR);
        assertThatThrownBy(() -> f.keys.signer(KeysFixture.pass("not the passphrase"), Samples.TECHNICIAN))
                .isInstanceOf(WrongPassphraseException.class).hasMessageStartingWith("wrong passphrase")
                .hasMessageNotContaining("not the passphrase");
        AuditEntry last = f.audit.recent(1, "").get(0);
        assertThat(last.action()).isEqualTo("passphrase.wrong");
        assertThat(last.operator()).isEqualTo("tech-1");
        assertThat(f.audit.verify()).isInstanceOf(ChainReport.Intact.class);
    }

    @Test
    void fiveWrongPassphrases_thenEachTryWaitsLonger_evenAfterReopening() throws Exception {
        f.keys.initialize(KeysFixture.pass(KeysFixture.PASSPHRASE), Samples.SUPERVISOR);
        for (int i = 1; i <= 4; i++) {
            WrongPassphraseException e = wrong();
            assertThat(e.failuresInARow()).isEqualTo(i);
            assertThat(e.delay()).isEmpty();
        }
        WrongPassphraseException fifth = wrong();
        assertThat(fifth.delay()).contains(Duration.ofSeconds(30));
        assertThat(fifth.getMessage()).contains("wait 30 seconds");
        assertThat(f.slept).isEmpty();

        f.reopen(); // a restart does not reset the count or the pending wait
        WrongPassphraseException sixth = wrong();
        assertThat(f.slept).containsExactly(Duration.ofSeconds(30));
        assertThat(sixth.failuresInARow()).isEqualTo(6);
        assertThat(sixth.delay()).contains(Duration.ofSeconds(60));

        f.reopen();
        f.keys.checkPassphrase(KeysFixture.pass(KeysFixture.PASSPHRASE), Samples.SUPERVISOR);
        assertThat(f.slept).containsExactly(Duration.ofSeconds(30), Duration.ofSeconds(60));
        assertThat(wrong().failuresInARow()).as("the right passphrase resets the count").isEqualTo(1);
        assertThat(f.audit.verify()).isInstanceOf(ChainReport.Intact.class);
    }

    @Test
    void aDerivationStartedAhead_isTakenBySigner_andAWrongOneCountsOnlyWhenUsed() throws Exception {
        PublicKey key = f.keys.initialize(KeysFixture.pass(KeysFixture.PASSPHRASE), Samples.SUPERVISOR);
        try (Passphrase right = KeysFixture.pass(KeysFixture.PASSPHRASE)) {
            f.keys.deriveAhead(right);
            assertThat(right.derivingAhead()).isTrue();
            Signer signer = f.keys.signer(right, Samples.SUPERVISOR);
            assertThat(right.derivingAhead()).as("taken by the signer").isFalse();
            key.verifier().verify(signer.sign(DATA), DATA);
        }
        try (Passphrase unused = KeysFixture.pass("not the passphrase")) {
            f.keys.deriveAhead(unused); // e.g. an export that then finds nothing to export
        }
        assertThat(wrong().failuresInARow()).as("a derivation never used counts nothing").isEqualTo(1);
        try (Passphrase wrongOne = KeysFixture.pass("not the passphrase either")) {
            f.keys.deriveAhead(wrongOne);
            assertThatThrownBy(() -> f.keys.signer(wrongOne, Samples.TECHNICIAN))
                    .isInstanceOf(WrongPassphraseException.class);
        }
        assertThat(wrong().failuresInARow()).isEqualTo(3);
        assertThat(f.slept).isEmpty();
    }

    @Test
    void noDerivationStartsAhead_whileADelayAfterWrongPassphrasesIsPending() throws Exception {
        f.keys.initialize(KeysFixture.pass(KeysFixture.PASSPHRASE), Samples.SUPERVISOR);
        for (int i = 1; i <= PassphraseGuard.FREE_FAILURES; i++) {
            wrong();
        }
        try (Passphrase right = KeysFixture.pass(KeysFixture.PASSPHRASE)) {
            f.keys.deriveAhead(right);
            assertThat(right.derivingAhead()).isFalse();
            f.keys.checkPassphrase(right, Samples.SUPERVISOR);
        }
        assertThat(f.slept).containsExactly(Duration.ofSeconds(30));
    }

    @Test
    void aDerivationAheadForOtherParameters_isNotUsed_andItsKeyIsWiped() {
        byte[] salt = new byte[16];
        byte[] otherSalt = new byte[16];
        otherSalt[0] = 1;
        try (Passphrase p = KeysFixture.pass(KeysFixture.PASSPHRASE)) {
            Unlocked early = Unlocked.derive(p, KeysFixture.CHEAP, salt);
            byte[] expected = Unlocked.derive(p, KeysFixture.CHEAP, otherSalt).verifier();
            p.startedAhead(new Passphrase.Ahead(KeysFixture.CHEAP, salt,
                    java.util.concurrent.CompletableFuture.completedFuture(early)));
            assertThat(p.takeAhead(KeysFixture.CHEAP, otherSalt)).isEmpty();
            assertThat(p.derivingAhead()).isFalse();
            assertThat(Unlocked.derive(p, KeysFixture.CHEAP, otherSalt).matches(expected)).isTrue();
        }
    }

    @Test
    void delay_growsAndIsCapped() {
        assertThat(PassphraseGuard.delayAfter(4)).isZero();
        assertThat(PassphraseGuard.delayAfter(5)).isEqualTo(Duration.ofSeconds(30));
        assertThat(PassphraseGuard.delayAfter(7)).isEqualTo(Duration.ofSeconds(120));
        assertThat(PassphraseGuard.delayAfter(1000)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void tamperedSealedSeed_isRejectedAsTampered_notAsWrongPassphrase() throws Exception {
        f.keys.initialize(KeysFixture.pass(KeysFixture.PASSPHRASE), Samples.SUPERVISOR);
        f.close();
        byte[] sealed = RawDb.blob(f.dataDir, "SELECT sealed_seed FROM own_key");
        sealed[sealed.length - 3] ^= 0x40;
        RawDb.update(f.dataDir, "UPDATE own_key SET sealed_seed = ?", sealed);
        f.reopen();
        assertThatThrownBy(() -> f.keys.signer(KeysFixture.pass(KeysFixture.PASSPHRASE), Samples.SUPERVISOR))
                .isInstanceOf(SecretTamperedException.class).hasMessageContaining("integrity check");
    }

    @Test
    void theDatabaseFiles_neverHoldThePassphraseOrTheSeed() throws Exception {
        f.keys.initialize(KeysFixture.pass(KeysFixture.PASSPHRASE), Samples.SUPERVISOR);
        f.keys.signer(KeysFixture.pass(KeysFixture.PASSPHRASE), Samples.SUPERVISOR).sign(DATA);
        List<byte[]> seeds = f.random.filled.stream().filter(b -> b.length == 32).toList();
        assertThat(seeds).as("the generated seed").hasSize(1);
        byte[] seed = seeds.get(0);
        for (byte[] disk : List.of(f.diskBytes(), closedDiskBytes())) {
            Secrets.assertAbsent(disk, KeysFixture.PASSPHRASE.getBytes(StandardCharsets.UTF_8), "passphrase");
            Secrets.assertAbsent(disk, KeysFixture.PASSPHRASE.getBytes(StandardCharsets.UTF_16LE), "passphrase UTF-16");
            Secrets.assertAbsent(disk, seed, "seed");
            Secrets.assertAbsent(disk, HexFormat.of().formatHex(seed).getBytes(StandardCharsets.US_ASCII), "seed hex");
            Secrets.assertAbsent(disk, java.util.Base64.getEncoder().encode(seed), "seed base64");
        }
    }

    private byte[] closedDiskBytes() throws java.io.IOException {
        f.close();
        byte[] bytes = f.diskBytes();
        f.reopen();
        return bytes;
    }

    private WrongPassphraseException wrong() {
        try {
            f.keys.checkPassphrase(KeysFixture.pass("not the passphrase"), Samples.TECHNICIAN);
        } catch (WrongPassphraseException e) {
            return e;
        } catch (KeysException e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("a wrong passphrase was accepted");
    }
}
