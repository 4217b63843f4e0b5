package dev.airlock.formats.kit;

import dev.airlock.formats.qr.BenchSupport;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How fast the collector-record reader refuses what it must refuse (a bench main, not a test):
 * a billion-laughs document (goal: well under 1 s), a 200 MB file named like a record (goal:
 * refused by its size, well under 2 s, without reading it), beside reading a genuine record.
 * Run with {@code tests/bench-formats.sh RefusalBench}.
 */
final class RefusalBench {
    private RefusalBench() {}

    public static void main(String[] args) throws Exception {
        CollectorRecordReader reader = new CollectorRecordReader();
        byte[] laughs = CollectorRecordReaderTest.billionLaughs().bytes();
        byte[] genuine = CollectorRecordReaderTest.win11().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Path dir = Files.createTempDirectory("airlock-refusal-bench");
        Path big = CollectorRecordReaderTest.sparseFile(dir.resolve("big.xml"), 200L << 20);
        try {
            report("billion laughs refused", BenchSupport.time(20, 200, () -> refused(() -> reader.read(laughs))));
            report("200 MB file refused", BenchSupport.time(20, 200, () -> refused(() -> reader.read(big))));
            report("genuine record read", BenchSupport.time(200, 2000, () -> read(() -> reader.read(genuine))));
        } finally {
            Files.deleteIfExists(big);
            Files.deleteIfExists(dir);
        }
    }

    private interface Read {
        Object run() throws Exception;
    }

    private static String refused(Read read) {
        try {
            read.run();
        } catch (MalformedRecordException expected) {
            return expected.getMessage();
        } catch (Exception e) {
            throw new AssertionError("refused with the wrong exception", e);
        }
        throw new AssertionError("was read although it must be refused");
    }

    private static Object read(Read read) {
        try {
            return read.run();
        } catch (Exception e) {
            throw new AssertionError("a genuine record was refused", e);
        }
    }

    private static void report(String what, double[] sortedMs) {
        System.out.printf("%-24s %s%n", what, BenchSupport.summary(sortedMs));
    }
}
