package dev.airlock.appliance.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.airlock.appliance.audit.AuditEntry;
import dev.airlock.appliance.audit.ChainReport;
import dev.airlock.appliance.testing.Samples;
import dev.airlock.formats.ids.ProductKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MakVaultTest {
    /** Made-up keys in the MAK alphabet, not real product keys. */
    static final String KEY_1 = "BCDFG-HJKMP-QRTVW-XY234-6789B";
    static final String KEY_2 = "PQRTV-WXY23-46789-BCDFG-HJKMN";

    @TempDir
    Path tmp;

    KeysFixture f;

    @BeforeEach
    void setUp() throws Exception {
        f = new KeysFixture(tmp);
        f.keys.initialize(KeysFixture.pass(KeysFixture.PASSPHRASE), Samples.SUPERVISOR);
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    private MakEntry add(String key, String description) throws Exception {
        return f.vault.add(ProductKey.parse(key), description, KeysFixture.pass(KeysFixture.PASSPHRASE),
                Samples.SUPERVISOR);
    }

    @Test
    void add_thenListShowsOnlyTheLast5_andRevealGivesTheWholeKey() throws Exception {
        MakEntry added = add(KEY_1, "Windows 11 Enterprise, lab 3");
        assertThat(added.partialKey()).isEqualTo("6789B");
        assertThat(added.remaining()).isEqualTo(OptionalInt.empty());
        assertThat(f.vault.list()).singleElement().satisfies(e -> {
            assertThat(e.partialKey()).isEqualTo("6789B");
            assertThat(e.description()).isEqualTo("Windows 11 Enterprise, lab 3");
            assertThat(e.toString()).doesNotContain("BCDFG");
        });
        ProductKey revealed = f.vault.reveal(added.id(), KeysFixture.pass(KeysFixture.PASSPHRASE), Samples.SUPERVISOR,
                "test");
        assertThat(revealed.revealForInstall()).isEqualTo(KEY_1);
        List<AuditEntry> audit = f.audit.recent(10, "mak " + added.id());
        assertThat(audit).extracting(AuditEntry::action).containsExactly("mak.reveal", "mak.add");
        assertThat(audit).allSatisfy(a -> assertThat(a.details()).doesNotContain("BCDFG").contains("6789B"));
        assertThat(f.audit.verify()).isInstanceOf(ChainReport.Intact.class);
    }

    @Test
    void add_sameKeyTwice_isRefused() throws Exception {
        MakEntry first = add(KEY_1, "");
        assertThatThrownBy(() -> add(KEY_1.toLowerCase(), "again")).isInstanceOf(KeysException.class)
                .hasMessageContaining("already in the vault as id " + first.id()).hasMessageNotContaining("BCDFG");
        assertThat(f.vault.list()).hasSize(1);
    }

    @Test
    void add_withWrongPassphrase_addsNothing() throws Exception {
        assertThatThrownBy(() -> f.vault.add(ProductKey.parse(KEY_1), "", KeysFixture.pass("not the passphrase"),
                Samples.SUPERVISOR)).isInstanceOf(WrongPassphraseException.class);
        assertThat(f.vault.list()).isEmpty();
    }

    @Test
    void reveal_withWrongPassphrase_failsClearly() throws Exception {
        MakEntry added = add(KEY_1, "");
        assertThatThrownBy(() -> f.vault.reveal(added.id(), KeysFixture.pass("not the passphrase"), Samples.SUPERVISOR,
                "test")).isInstanceOf(WrongPassphraseException.class).hasMessageStartingWith("wrong passphrase");
    }

    @Test
    void sealedKeysSwappedBetweenRows_areRejected() throws Exception {
        MakEntry one = add(KEY_1, "");
        MakEntry two = add(KEY_2, "");
        f.close();
        byte[] sealedOne = RawDb.blob(f.dataDir, "SELECT sealed_key FROM mak WHERE id = " + one.id());
        RawDb.update(f.dataDir, "UPDATE mak SET sealed_key = ? WHERE id = " + two.id(), sealedOne);
        f.reopen();
        assertThatThrownBy(() -> f.vault.reveal(two.id(), KeysFixture.pass(KeysFixture.PASSPHRASE), Samples.SUPERVISOR,
                "test")).isInstanceOf(SecretTamperedException.class).hasMessageContaining("MAK " + two.id())
                .hasMessageNotContaining("BCDFG");
    }

    @Test
    void remove_thenTheIdIsGoneAndNeverReused() throws Exception {
        MakEntry one = add(KEY_1, "");
        f.vault.remove(one.id(), Samples.SUPERVISOR);
        assertThat(f.vault.list()).isEmpty();
        assertThatThrownBy(() -> f.vault.remove(one.id(), Samples.SUPERVISOR)).isInstanceOf(KeysException.class)
                .hasMessageContaining("no MAK with id");
        assertThat(add(KEY_2, "").id()).isGreaterThan(one.id());
    }

    @Test
    void recordRemaining_isListedWithWhenItWasLearned() throws Exception {
        MakEntry one = add(KEY_1, "");
        Instant learned = Instant.parse("2025-03-05T10:00:00Z");
        f.vault.recordRemaining(one.id(), 412, learned, Samples.SUPERVISOR);
        MakEntry listed = f.vault.find(one.id()).orElseThrow();
        assertThat(listed.remaining()).hasValue(412);
        assertThat(listed.remainingLearned()).contains(learned);
    }

    @Test
    void theDatabaseFiles_neverHoldTheKey() throws Exception {
        add(KEY_1, "");
        add(KEY_2, "");
        for (byte[] disk : List.of(f.diskBytes(), closed())) {
            for (String key : List.of(KEY_1, KEY_2)) {
                Secrets.assertAbsent(disk, key.getBytes(StandardCharsets.US_ASCII), "MAK");
                Secrets.assertAbsent(disk, key.replace("-", "").getBytes(StandardCharsets.US_ASCII), "MAK without dashes");
                Secrets.assertAbsent(disk, key.substring(0, 11).getBytes(StandardCharsets.US_ASCII), "MAK head");
                Secrets.assertAbsent(disk, key.getBytes(StandardCharsets.UTF_16LE), "MAK UTF-16");
            }
            Secrets.assertAbsent(disk, KeysFixture.PASSPHRASE.getBytes(StandardCharsets.UTF_8), "passphrase");
        }
    }

    private byte[] closed() throws java.io.IOException {
        f.close();
        byte[] bytes = f.diskBytes();
        f.reopen();
        return bytes;
    }
}
