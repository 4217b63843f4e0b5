package dev.airlock.appliance.keys;

import java.time.Duration;

/**
 * Waits out the delay after repeated wrong passphrases. Injected so tests do not really sleep; the
 * CLI's sleeper first tells the user "wait N seconds".
 */
@FunctionalInterface
public interface Sleeper {
    /** Blocks for {@code delay}. */
    void sleep(Duration delay) throws InterruptedException;

    /** Really sleeps, silently. */
    static Sleeper real() {
        return delay -> Thread.sleep(delay.toMillis());
    }
}
