package dev.airlock.appliance.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Measures one derivation with the appliance's default Argon2id parameters (64 MiB, 3 passes, 1 lane). */
class Argon2TimingTest {
    @Test
    void defaultParameters_deriveWithinTwoSeconds() {
        byte[] salt = new byte[16];
        Unlocked.derive(Passphrase.of("warm-up passphrase"), KdfParams.DEFAULT, salt).close();
        long[] ms = new long[3];
        for (int i = 0; i < ms.length; i++) {
            long t0 = System.nanoTime();
            Unlocked.derive(Passphrase.of("correct horse battery staple"), KdfParams.DEFAULT, salt).close();
            ms[i] = (System.nanoTime() - t0) / 1_000_000;
        }
        Arrays.sort(ms);
        System.out.println("Argon2id " + KdfParams.DEFAULT + ": " + Arrays.toString(ms) + " ms (median " + ms[1] + ")");
        assertThat(ms[1]).as("one derivation, ms").isLessThan(2_000);
    }
}
