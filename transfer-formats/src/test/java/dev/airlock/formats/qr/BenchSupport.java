package dev.airlock.formats.qr;

import java.util.Arrays;
import java.util.function.Supplier;

/**
 * Timing helpers for the transfer-format bench mains (not tests). Run a bench with:
 * <pre>
 * ./mvnw -q -o -pl transfer-formats test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=target/test-cp.txt -Dmdep.includeScope=test
 * java -cp transfer-formats/target/test-classes:transfer-formats/target/classes:$(cat transfer-formats/target/test-cp.txt) \
 *     dev.airlock.formats.qr.QrDensityBench      # or QrEncodeBench, QrCameraDecodeBench
 * </pre>
 */
public final class BenchSupport {
    private BenchSupport() {
    }

    /** Milliseconds per call: runs {@code warmup} calls, then returns the sorted times of {@code runs} calls. */
    public static double[] time(int warmup, int runs, Supplier<?> call) {
        Object sink = null;
        for (int i = 0; i < warmup; i++) {
            sink = call.get();
        }
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            sink = call.get();
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        if (sink == null) {
            throw new AssertionError("the benchmarked call returned nothing");
        }
        Arrays.sort(ms);
        return ms;
    }

    public static String summary(double[] sortedMs) {
        return String.format("median %.2f ms, p90 %.2f ms, min %.2f ms, max %.2f ms (n=%d)",
                sortedMs[sortedMs.length / 2], sortedMs[(int) (sortedMs.length * 0.9)], sortedMs[0],
                sortedMs[sortedMs.length - 1], sortedMs.length);
    }

    public static double median(double[] sortedMs) {
        return sortedMs[sortedMs.length / 2];
    }
}
