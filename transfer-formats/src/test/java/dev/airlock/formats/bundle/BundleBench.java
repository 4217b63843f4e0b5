package dev.airlock.formats.bundle;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** Benchmark (a main, not a test): build + sign + write, and read + verify, a 10,000-record request. */
public final class BundleBench {
    private BundleBench() {}

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        List<ExportRecord> records = BundleSamples.sameProduct(n, 1);
        long[] write = new long[10];
        long[] read = new long[10];
        byte[] file = null;
        for (int round = -5; round < 10; round++) { // 5 warm-up rounds
            long t0 = System.nanoTime();
            SignedBundle signed = SignedBundle.sign(RequestBundle.build(BundleSamples.LAB_KEY.publicKey().id(), records,
                    List.of(), Instant.now(), new Random(round)).bundle(), BundleSamples.LAB_KEY);
            file = BundleFile.write(signed, BundleSamples.LAB_KEY.publicKey());
            long t1 = System.nanoTime();
            SignedBundle back = BundleFile.read(file);
            back.verify(BundleSamples.LAB_KEY.publicKey());
            if (back.request().records().size() != n) {
                throw new AssertionError("lost records");
            }
            long t2 = System.nanoTime();
            if (round >= 0) {
                write[round] = t1 - t0;
                read[round] = t2 - t1;
            }
        }
        Arrays.sort(write);
        Arrays.sort(read);
        System.out.printf("%d-record request: file %d bytes, envelope %d bytes%n", n, file.length,
                BundleFile.read(file).envelope().length);
        System.out.printf("build + sign + write: median %.1f ms (min %.1f, max %.1f)%n", write[5] / 1e6, write[0] / 1e6,
                write[9] / 1e6);
        System.out.printf("read + verify:        median %.1f ms (min %.1f, max %.1f)%n", read[5] / 1e6, read[0] / 1e6,
                read[9] / 1e6);
    }
}
