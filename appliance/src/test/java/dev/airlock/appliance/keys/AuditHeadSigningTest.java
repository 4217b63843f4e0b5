package dev.airlock.appliance.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.airlock.appliance.audit.AuditEntry;
import dev.airlock.appliance.audit.AuditEvent;
import dev.airlock.appliance.audit.AuditReport;
import dev.airlock.appliance.audit.AuditService;
import dev.airlock.appliance.audit.SignedHead;
import dev.airlock.appliance.store.Store;
import dev.airlock.appliance.testing.Samples;
import dev.airlock.appliance.testing.Sqlite3;
import dev.airlock.formats.signature.PublicKey;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit log's head signed with the appliance's own key, and checked against its public key. */
class AuditHeadSigningTest {
    @TempDir
    Path tmp;

    KeysFixture f;
    PublicKey key;
    Path db;

    @BeforeEach
    void setUp() throws Exception {
        f = new KeysFixture(tmp);
        key = f.keys.initialize(pass(), Samples.SUPERVISOR);
        db = f.dataDir.resolve(Store.FILE_NAME);
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    private static Passphrase pass() {
        return KeysFixture.pass(KeysFixture.PASSPHRASE);
    }

    private void logSomething(String what) {
        f.store.execute(tx -> f.audit.record(tx, Samples.TECHNICIAN, new SomethingDone(what)));
    }

    /** A row of the test's own: something new since the last signed head. */
    private record SomethingDone(String what) implements AuditEvent {
        @Override
        public Row row() {
            return new Row("test.action", "test", what);
        }
    }

    @Test
    void verify_beforeAnySigning_isIntactButNothingIsProven() {
        AuditReport report = f.keys.verifyAudit();

        assertThat(report).isInstanceOfSatisfying(AuditReport.Intact.class, ok -> {
            assertThat(ok.lastSigned()).isEmpty();
            assertThat(ok.signedHeads()).isZero();
            assertThat(ok.rowsSinceLastSigned()).isEqualTo(ok.rows());
        });
    }

    @Test
    void signAuditHead_appendsAnAuditSignRow_andSignsTheHeadEndingInIt() throws Exception {
        SignedHead head = f.keys.signAuditHead(pass(), Samples.SUPERVISOR);

        AuditEntry newest = f.audit.recent(1, "").get(0);
        assertThat(newest.action()).isEqualTo(AuditService.SIGN_ACTION);
        assertThat(head.rows()).isEqualTo(newest.seq());
        assertThat(head.lastHash()).isEqualTo(newest.hash());
        assertThat(head.keyFingerprint()).isEqualTo(key.fingerprint().digits());
        key.verifier().verify(head.signature(), head.message(key.id()));
        assertThat(f.keys.verifyAudit()).isInstanceOfSatisfying(AuditReport.Intact.class, ok -> {
            assertThat(ok.lastSigned()).contains(head);
            assertThat(ok.rowsSinceLastSigned()).isZero();
        });
    }

    @Test
    void checkPassphrase_signsTheHead_butNotAgainWhenNothingWasLoggedSince() throws Exception {
        f.keys.checkPassphrase(pass(), Samples.SUPERVISOR);
        f.keys.checkPassphrase(pass(), Samples.SUPERVISOR);

        assertThat(signRows()).hasSize(1);
        logSomething("one more");
        f.keys.checkPassphrase(pass(), Samples.SUPERVISOR);
        assertThat(signRows()).hasSize(2);
        assertThat(f.keys.verifyAudit()).isInstanceOfSatisfying(AuditReport.Intact.class,
                ok -> assertThat(ok.signedHeads()).isEqualTo(2));
    }

    @Test
    void signer_signsTheHeadWhileTheKeyIsUnsealed() throws Exception {
        f.keys.signer(pass(), Samples.SUPERVISOR);

        assertThat(f.audit.lastSignedHead()).isPresent();
    }

    @Test
    void makVault_signsTheHeadWhenItOpensTheKeyring() throws Exception {
        f.vault.add(dev.airlock.formats.ids.ProductKey.parse("BCDFG-HJKMP-QRTVW-XY234-6789B"), "lab", pass(),
                Samples.SUPERVISOR);

        assertThat(signRows()).hasSize(1);
    }

    @Test
    void checkPassphrase_withDamagedSealedKey_stillChecksThePassphrase_butSignsNothing() throws Exception {
        byte[] sealed = RawDb.blob(f.dataDir, "SELECT sealed_seed FROM own_key");
        sealed[sealed.length - 3] ^= 0x40;
        RawDb.update(f.dataDir, "UPDATE own_key SET sealed_seed = ?", sealed);

        f.keys.checkPassphrase(pass(), Samples.SUPERVISOR);

        assertThat(f.audit.lastSignedHead()).isEmpty();
        assertThatThrownBy(() -> f.keys.signAuditHead(pass(), Samples.SUPERVISOR))
                .isInstanceOf(SecretTamperedException.class);
    }

    @Test
    void wrongPassphrase_signsNothing() {
        assertThatThrownBy(() -> f.keys.signAuditHead(KeysFixture.pass("not the passphrase at all"),
                Samples.SUPERVISOR)).isInstanceOf(WrongPassphraseException.class);

        assertThat(f.audit.lastSignedHead()).isEmpty();
    }

    @Test
    void verify_rowsAfterTheLastHead_areIntactAndCountedAsNotYetSigned() throws Exception {
        SignedHead head = f.keys.signAuditHead(pass(), Samples.SUPERVISOR);
        logSomething("a");
        logSomething("b");

        assertThat(f.keys.verifyAudit()).isInstanceOfSatisfying(AuditReport.Intact.class, ok -> {
            assertThat(ok.rowsSinceLastSigned()).isEqualTo(2);
            assertThat(ok.lastSigned()).contains(head);
        });
    }

    @Test
    void verify_withSignatureByteFlipped_isTamperedAtThatHead() throws Exception {
        SignedHead head = f.keys.signAuditHead(pass(), Samples.SUPERVISOR);
        byte[] sig = head.signature();
        sig[10] ^= 0x01;
        Sqlite3.run(db, "UPDATE audit_signed_head SET signature = X'" + HexFormat.of().formatHex(sig)
                + "' WHERE row_count = " + head.rows());

        assertThat(f.keys.verifyAudit()).isInstanceOfSatisfying(AuditReport.Tampered.class, t -> {
            assertThat(t.seq()).isEqualTo(head.rows());
            assertThat(t.reason()).contains("signature").contains("does not check out");
            assertThat(t.provenBy()).isPresent();
        });
    }

    @Test
    void verify_withHeadHashRewrittenToMatchAnEdit_isTamperedBecauseTheSignatureFails() throws Exception {
        SignedHead head = f.keys.signAuditHead(pass(), Samples.SUPERVISOR);
        Sqlite3.run(db, "UPDATE audit_signed_head SET last_hash = '" + "0".repeat(64) + "'");

        assertThat(f.keys.verifyAudit()).isInstanceOfSatisfying(AuditReport.Tampered.class,
                t -> assertThat(t.seq()).isEqualTo(head.rows()));
    }

    @Test
    void verify_withSignedHeadDeleted_isTamperedNamingTheAuditSignRow() throws Exception {
        SignedHead first = f.keys.signAuditHead(pass(), Samples.SUPERVISOR);
        logSomething("a");
        SignedHead second = f.keys.signAuditHead(pass(), Samples.SUPERVISOR);
        Sqlite3.run(db, "DELETE FROM audit_signed_head WHERE row_count = " + first.rows());

        assertThat(f.keys.verifyAudit()).isInstanceOfSatisfying(AuditReport.Tampered.class, t -> {
            assertThat(t.seq()).isEqualTo(first.rows());
            assertThat(t.reason()).contains("signed heads were deleted");
            assertThat(t.provenBy()).contains(second);
        });
    }

    @Test
    void verify_withEveryHeadDeleted_isTamperedBecauseTheLogShowsTheSigning() throws Exception {
        f.keys.signAuditHead(pass(), Samples.SUPERVISOR);
        Sqlite3.run(db, "DELETE FROM audit_signed_head");

        assertThat(f.keys.verifyAudit()).isInstanceOf(AuditReport.Tampered.class);
        assertThat(f.audit.verify()).as("the chain alone cannot tell")
                .isInstanceOf(dev.airlock.appliance.audit.ChainReport.Intact.class);
    }

    @Test
    void verify_withSignedRowsCutOffTheEnd_isTamperedNamingTheFirstMissingRow() throws Exception {
        logSomething("a");
        SignedHead head = f.keys.signAuditHead(pass(), Samples.SUPERVISOR);
        long kept = head.rows() - 2;
        String hash = Sqlite3.run(db, "SELECT hash FROM audit_log WHERE seq = " + kept).strip();
        Sqlite3.run(db, "DELETE FROM audit_log WHERE seq > " + kept + "; UPDATE audit_head SET seq = " + kept
                + ", hash = '" + hash + "'");

        assertThat(f.keys.verifyAudit()).isInstanceOfSatisfying(AuditReport.Tampered.class, t -> {
            assertThat(t.seq()).isEqualTo(kept + 1);
            assertThat(t.reason()).contains("missing");
            assertThat(t.provenBy()).contains(head);
        });
    }

    @Test
    void verify_withHeadsButThePublicKeyGone_isTampered() throws Exception {
        f.keys.signAuditHead(pass(), Samples.SUPERVISOR);

        assertThat(f.audit.verifySigned(java.util.Optional.empty())).isInstanceOfSatisfying(
                AuditReport.Tampered.class, t -> assertThat(t.reason()).contains("no public key"));
    }

    @Test
    void verify_withoutKeyAndEveryHeadDeleted_isStillTamperedByTheAuditSignRow() throws Exception {
        SignedHead head = f.keys.signAuditHead(pass(), Samples.SUPERVISOR);
        Sqlite3.run(db, "DELETE FROM audit_signed_head");

        assertThat(f.audit.verifySigned(java.util.Optional.empty())).isInstanceOfSatisfying(
                AuditReport.Tampered.class, t -> assertThat(t.seq()).isEqualTo(head.rows()));
    }

    @Test
    void verify_withHeadEditedIntoSomethingUnreadable_isTamperedSayingWhy() throws Exception {
        SignedHead head = f.keys.signAuditHead(pass(), Samples.SUPERVISOR);
        Sqlite3.run(db, "UPDATE audit_signed_head SET last_hash = 'not a hash'");

        assertThat(f.keys.verifyAudit()).isInstanceOfSatisfying(AuditReport.Tampered.class, t -> {
            assertThat(t.seq()).isEqualTo(head.rows());
            assertThat(t.reason()).contains("unreadable").contains("64 lower-case hex digits");
        });
    }

    @Test
    void verify_againstAnotherKey_isTamperedNamingBothFingerprints() throws Exception {
        f.keys.signAuditHead(pass(), Samples.SUPERVISOR);
        PublicKey other = dev.airlock.formats.signature.SigningKey.generate(new java.security.SecureRandom())
                .publicKey();

        assertThat(f.audit.verifySigned(java.util.Optional.of(other))).isInstanceOfSatisfying(
                AuditReport.Tampered.class, t -> assertThat(t.reason()).contains("another key")
                        .contains(other.fingerprint().toString()));
    }

    private List<AuditEntry> signRows() {
        return f.audit.recent(100, "audit log").stream().filter(e -> e.action().equals(AuditService.SIGN_ACTION))
                .toList();
    }
}
