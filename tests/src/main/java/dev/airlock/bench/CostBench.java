package dev.airlock.bench;

import dev.airlock.appliance.devices.MediaWatcher;
import dev.airlock.appliance.keys.OfflineCrypto;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The fixed costs a technician feels, with the goals they were set against (these were timed
 * unit tests once; a busy machine made them flaky, so they are figures now):
 * <ul>
 *   <li>one PIN hash at the sign-in cost (Argon2id 19 MiB, 2 passes): goal under 500 ms;</li>
 *   <li>one passphrase derivation at the key ring's default cost (64 MiB, 3 passes), what every
 *       unseal pays: goal under 2,000 ms;</li>
 *   <li>one poll of the stick watcher over 3 roots (one missing) and 4 sticks with 40 files
 *       each: goal under 20 ms (it runs every second).</li>
 * </ul>
 * Run with {@code tests/bench.sh costs}.
 */
public final class CostBench {
    private CostBench() {}

    public static void main(String[] args) throws Exception {
        byte[] salt = new byte[OfflineCrypto.SALT_LENGTH];
        report("PIN hash " + OfflineCrypto.PIN_COST, 500, time(2, 7,
                () -> OfflineCrypto.pinHash("12345678".toCharArray(), salt, OfflineCrypto.PIN_COST)));
        report("passphrase derivation " + OfflineCrypto.BACKUP_COST, 2_000, time(1, 5,
                () -> OfflineCrypto.pinHash("correct horse battery staple".toCharArray(), salt,
                        OfflineCrypto.BACKUP_COST)));
        Path work = Files.createTempDirectory("airlock-cost-bench");
        try {
            MediaWatcher watcher = sticks(work);
            watcher.pollNow();
            if (watcher.sticks().size() != 4) {
                throw new AssertionError("the watcher sees " + watcher.sticks() + ", not 4 sticks");
            }
            report("stick watcher poll", 20, time(2_000, 2_000, watcher::pollNow));
        } finally {
            Bench.deleteTree(work);
        }
    }

    /** 3 roots (one missing), 2 mounted sticks and 2 folder stand-ins, 40 bundle files each. */
    private static MediaWatcher sticks(Path work) throws IOException {
        Path media = work.resolve("media");
        Path run = work.resolve("run");
        Path a = Files.createDirectories(media.resolve("airlock/A"));
        Path b = Files.createDirectories(run.resolve("B"));
        Path mountInfo = work.resolve("mountinfo");
        Files.writeString(mountInfo, "27 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw\n"
                + "90 27 8:17 / " + a + " rw,nosuid - vfat /dev/sdb1 rw\n"
                + "91 27 8:33 / " + b + " rw,nosuid - vfat /dev/sdc1 rw\n");
        for (Path s : List.of(a, b, run.resolve("C"), run.resolve("D"))) {
            for (int i = 0; i < 20; i++) {
                Files.createDirectories(s.resolve("AIRLOCK/outbound"));
                Files.createDirectories(s.resolve("AIRLOCK/inbound"));
                Files.writeString(s.resolve("AIRLOCK/outbound/airlock-request-" + i + ".xml"), "x");
                Files.writeString(s.resolve("AIRLOCK/inbound/airlock-response-" + i + ".xml"), "x");
            }
        }
        return new MediaWatcher(List.of(media, run, work.resolve("missing")), mountInfo, Duration.ofSeconds(1),
                Clock.systemUTC());
    }

    /** Sorted milliseconds of {@code runs} calls after {@code warmup} calls. */
    private static double[] time(int warmup, int runs, Runnable call) {
        for (int i = 0; i < warmup; i++) {
            call.run();
        }
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            call.run();
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        return ms;
    }

    private static void report(String what, double goalMs, double[] sortedMs) {
        double median = sortedMs[sortedMs.length / 2];
        System.out.printf(Locale.ROOT, "%-48s median %8.2f ms  min %8.2f  max %8.2f  (n=%d; goal < %.0f ms: %s)%n",
                what, median, sortedMs[0], sortedMs[sortedMs.length - 1], sortedMs.length, goalMs,
                median < goalMs ? "met" : "MISSED");
    }
}
