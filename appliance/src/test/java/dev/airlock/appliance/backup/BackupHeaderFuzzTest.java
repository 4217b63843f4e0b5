package dev.airlock.appliance.backup;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.airlock.appliance.keys.OfflineCrypto;
import dev.airlock.appliance.keys.Passphrase;
import dev.airlock.formats.fuzz.FuzzContract;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;

/**
 * Fuzz target: a backup file's header, and the whole file when its header asks for a cheap key
 * derivation (seeds: a small backup made with the lowest Argon2id cost, passphrase {@link #PASSPHRASE}).
 */
class BackupHeaderFuzzTest {
    /** The passphrase the seed backups were written with. */
    static final String PASSPHRASE = "fuzzing passphrase 1";

    @FuzzTest
    void backupHeader(byte[] data) {
        OfflineCrypto.Cost cost = FuzzContract.accepts(data,
                () -> OfflineCrypto.backupCost(new ByteArrayInputStream(data)), OfflineCrypto.BackupUnreadable.class);
        if (cost == null) {
            return;
        }
        assertThat(data.length).isGreaterThanOrEqualTo(OfflineCrypto.HEADER_LENGTH);
        // a costly header (up to 1 GiB, 64 passes by design) is only read, not derived, to keep the run fast
        if (cost.memoryKiB() <= 64 && cost.iterations() <= 2) {
            ByteArrayOutputStream plain = new ByteArrayOutputStream();
            FuzzContract.accepts(data, () -> {
                OfflineCrypto.decryptBackup(new ByteArrayInputStream(data), plain, Passphrase.of(PASSPHRASE));
                return plain;
            }, OfflineCrypto.BackupUnreadable.class);
        }
    }
}
