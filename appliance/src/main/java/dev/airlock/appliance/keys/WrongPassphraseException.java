package dev.airlock.appliance.keys;

import java.time.Duration;
import java.util.Optional;

/** The passphrase does not match the supervisor passphrase. Says how many were wrong in a row and any wait. */
public final class WrongPassphraseException extends KeysException {
    private static final long serialVersionUID = 1L;
    private final int failuresInARow;
    private final Duration delay;

    WrongPassphraseException(int failuresInARow, Duration delay) {
        super(message(failuresInARow, delay));
        this.failuresInARow = failuresInARow;
        this.delay = delay;
    }

    private static String message(int failures, Duration delay) {
        String msg = "wrong passphrase (" + failures + " wrong in a row)";
        if (!delay.isZero()) {
            msg += ": wait " + delay.toSeconds() + " seconds before the next try (each further wrong one doubles"
                    + " the wait)";
        } else if (failures >= PassphraseGuard.FREE_FAILURES - 2) {
            msg += "; after " + PassphraseGuard.FREE_FAILURES + " in a row each try waits longer";
        }
        return msg;
    }

    /** Wrong passphrases in a row, this one included. */
    public int failuresInARow() {
        return failuresInARow;
    }

    /** How long the next try will wait (zero below the threshold). */
    public Optional<Duration> delay() {
        return delay.isZero() ? Optional.empty() : Optional.of(delay);
    }
}
