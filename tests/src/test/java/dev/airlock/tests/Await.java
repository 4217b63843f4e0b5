package dev.airlock.tests;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * Waits for a condition another process brings about (a line in its output, a file on a stick,
 * a FUSE server gone), checking it every few milliseconds until it holds or the time is up.
 */
public final class Await {
    /** A condition that may need I/O to check. */
    @FunctionalInterface
    public interface Condition {
        boolean holds() throws Exception;
    }

    private static final long PAUSE_NANOS = Duration.ofMillis(2).toNanos();

    private Await() {}

    /** Returns once {@code condition} holds; fails naming {@code what} after {@code timeout}. */
    public static void until(String what, Duration timeout, Condition condition) throws Exception {
        if (!within(timeout, condition)) {
            throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what);
        }
    }

    /** Whether {@code condition} came to hold within {@code timeout} (false when the time ran out). */
    public static boolean within(Duration timeout, Condition condition) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.holds()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            LockSupport.parkNanos(PAUSE_NANOS);
        }
        return true;
    }
}
