package dev.airlock.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The benchmarks' figures as one table row each: figure, size, Airlock, floor (measured in the
 * same run), ratio and goal. A row prints as soon as it is measured; {@link #print()} prints the
 * whole table again at the end.
 */
final class Figures {
    private static final String FORMAT = "| %-48s | %-16s | %10s | %10s | %7s | %-6s |%n";

    /** One figure: seconds for Airlock and for its floor, and the goal as a ratio (0: none). */
    record Row(String figure, String size, double airlock, double floor, double goal) {
        double ratio() {
            return airlock / floor;
        }

        String line() {
            return String.format(Locale.ROOT, FORMAT, figure, size, seconds(airlock), seconds(floor),
                    String.format(Locale.ROOT, "%.2f×", ratio()), goal > 0
                            ? String.format(Locale.ROOT, "≤ %s×", trim(goal)) : "");
        }
    }

    private final List<Row> rows = new ArrayList<>();

    /** Adds a row and prints it. */
    Row add(String figure, String size, double airlock, double floor, double goal) {
        Row r = new Row(figure, size, airlock, floor, goal);
        rows.add(r);
        System.out.print(r.line());
        return r;
    }

    /** The whole table, header first. */
    void print() {
        System.out.println();
        System.out.printf(Locale.ROOT, FORMAT, "figure", "size", "Airlock", "floor", "ratio", "goal");
        System.out.printf(Locale.ROOT, FORMAT, "-".repeat(48), "-".repeat(16), "-".repeat(10), "-".repeat(10),
                "-".repeat(7), "-".repeat(6));
        rows.forEach(r -> System.out.print(r.line()));
    }

    /** Per-record cost of the larger of two rows against the smaller: about 1.0 when it stays flat. */
    static String growth(Row small, long smallN, Row large, long largeN) {
        double perSmall = small.airlock() / smallN;
        double perLarge = large.airlock() / largeN;
        return String.format(Locale.ROOT, "%.1f µs → %.1f µs per record (×%.2f: %s)", perSmall * 1e6,
                perLarge * 1e6, perLarge / perSmall, perLarge / perSmall > 1.3 ? "grows"
                : perLarge / perSmall < 0.77 ? "falls: fixed costs spread" : "flat");
    }

    /** CPU seconds (user + sys) of the children this process has waited for, from /proc/self/stat. */
    static double childCpuSeconds() throws java.io.IOException {
        String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/self/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[13]) + Long.parseLong(f[14])) / 100.0; // cutime, cstime in USER_HZ (100)
    }

    /** A note under a row: the CPU-time ratio, steadier than wall time on a shared machine. */
    static void cpuNote(double airlockCpu, double floorCpu) {
        System.out.printf(Locale.ROOT, "  (CPU time: Airlock %.2f s (this thread, SQLite included), floor %.2f s"
                + " (user + sys): ratio %.2f×)%n", airlockCpu, floorCpu, airlockCpu / Math.max(floorCpu, 0.01));
    }

    private static String seconds(double s) {
        return s < 1 ? String.format(Locale.ROOT, "%.0f ms", s * 1000) : String.format(Locale.ROOT, "%.2f s", s);
    }

    private static String trim(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}
