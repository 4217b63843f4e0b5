package dev.airlock.appliance.operators;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.appliance.keys.OfflineCrypto;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Measures one PIN hash with the real cost (19 MiB, 2 passes): a kiosk sign-in should stay near 100 ms. */
class PinTimingTest {
    @Test
    void pinCost_hashesWellUnderHalfASecond() {
        byte[] salt = new byte[OfflineCrypto.SALT_LENGTH];
        OfflineCrypto.pinHash("0000".toCharArray(), salt, OfflineCrypto.PIN_COST);
        long[] ms = new long[5];
        for (int i = 0; i < ms.length; i++) {
            long t0 = System.nanoTime();
            OfflineCrypto.pinHash("12345678".toCharArray(), salt, OfflineCrypto.PIN_COST);
            ms[i] = (System.nanoTime() - t0) / 1_000_000;
        }
        Arrays.sort(ms);
        System.out.println("PIN hash " + OfflineCrypto.PIN_COST + ": " + Arrays.toString(ms) + " ms (median " + ms[2]
                + ")");
        assertThat(ms[2]).as("one PIN hash, ms").isLessThan(500);
    }
}
