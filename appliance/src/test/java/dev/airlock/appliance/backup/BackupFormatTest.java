package dev.airlock.appliance.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.airlock.appliance.keys.OfflineCrypto;
import dev.airlock.appliance.keys.OfflineCrypto.BackupUnreadable.Reason;
import dev.airlock.appliance.keys.Passphrase;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The chunked backup encryption on its own: several 1 MiB chunks, cut, swapped and extended. */
class BackupFormatTest {
    private static final int CHUNK = 1 << 20;
    private static final int SEALED_CHUNK = CHUNK + 16;
    private static final String PASSPHRASE = "correct horse battery staple";

    private static byte[] encrypt(byte[] plain) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        OfflineCrypto.encryptBackup(new ByteArrayInputStream(plain), out, Passphrase.of(PASSPHRASE),
                BackupServiceTest.CHEAP, new SecureRandom());
        return out.toByteArray();
    }

    private static byte[] decrypt(byte[] file, String passphrase) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        OfflineCrypto.decryptBackup(new ByteArrayInputStream(file), out, Passphrase.of(passphrase));
        return out.toByteArray();
    }

    private static Reason reasonOf(byte[] file) {
        try {
            decrypt(file, PASSPHRASE);
            return null;
        } catch (OfflineCrypto.BackupUnreadable e) {
            return e.reason();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void roundTrip_ofEmpty_exactChunks_andRagged_sizes() throws Exception {
        Random r = new Random(1);
        for (int size : new int[] {0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 2 * CHUNK + 12_345}) {
            byte[] plain = new byte[size];
            r.nextBytes(plain);
            byte[] file = encrypt(plain);
            assertThat(file.length).as("size %d", size)
                    .isEqualTo(OfflineCrypto.HEADER_LENGTH + size + 16 * (size / CHUNK + 1));
            assertThat(decrypt(file, PASSPHRASE)).as("size %d", size).isEqualTo(plain);
        }
    }

    @Test
    void decrypt_rejectsWrongPassphrase_cutAtAChunkBoundary_swappedChunks_andTrailingBytes() throws Exception {
        byte[] plain = new byte[2 * CHUNK + 100];
        new Random(2).nextBytes(plain);
        byte[] file = encrypt(plain);
        int h = OfflineCrypto.HEADER_LENGTH;

        assertThatThrownBy(() -> decrypt(file, "a different passphrase")).isInstanceOf(
                OfflineCrypto.BackupUnreadable.class).hasMessage("wrong passphrase for this backup");
        assertThat(reasonOf(Arrays.copyOf(file, h + SEALED_CHUNK))).isEqualTo(Reason.TRUNCATED);
        assertThat(reasonOf(Arrays.copyOf(file, h + 2 * SEALED_CHUNK))).isEqualTo(Reason.TRUNCATED);
        assertThat(reasonOf(Arrays.copyOf(file, h + SEALED_CHUNK + 500))).isEqualTo(Reason.DAMAGED);

        byte[] swapped = file.clone();
        System.arraycopy(file, h + SEALED_CHUNK, swapped, h, SEALED_CHUNK);
        System.arraycopy(file, h, swapped, h + SEALED_CHUNK, SEALED_CHUNK);
        assertThat(reasonOf(swapped)).isEqualTo(Reason.DAMAGED);

        byte[] longer = Arrays.copyOf(file, file.length + 5);
        assertThat(reasonOf(longer)).isEqualTo(Reason.DAMAGED);

        byte[] newer = file.clone();
        newer[14] = 2;
        assertThat(reasonOf(newer)).isEqualTo(Reason.NEWER_VERSION);

        byte[] hugeCost = file.clone();
        hugeCost[16] = 0x7f; // memory KiB far beyond the bound: refused before any allocation
        assertThat(reasonOf(hugeCost)).isEqualTo(Reason.DAMAGED);
    }
}
