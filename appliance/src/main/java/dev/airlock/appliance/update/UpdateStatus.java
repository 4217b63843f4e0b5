package dev.airlock.appliance.update;

import java.time.Instant;
import java.util.Optional;

/**
 * Where an update stands, from {@code DATA/update/request} and the status the system's update
 * helper writes to {@code DATA/update/status}.
 *
 * @param version the update's version as the files say it
 * @param slot the root slot written ({@code a} or {@code b})
 * @param message the helper's own words (may be empty)
 * @param written when the status file was last written
 */
public record UpdateStatus(Phase phase, Optional<String> version, Optional<String> slot, String message,
        Optional<Instant> written) {
    /** The phases an update goes through. */
    public enum Phase {
        /** Nothing staged, no status. */
        NONE,
        /** Staged; the system has not picked it up yet. */
        REQUESTED,
        /** The system is writing it to the spare root slot. */
        WRITING,
        /** Written in this boot: restart into it. */
        READY,
        /** Writing (or checking) it failed; the message says why. */
        FAILED,
        /** Written before the current boot: the restart happened (compare the running version). */
        RESTARTED,
        /** The status file cannot be read or is not what the helper writes. */
        UNREADABLE
    }

    static UpdateStatus none() {
        return new UpdateStatus(Phase.NONE, Optional.empty(), Optional.empty(), "", Optional.empty());
    }
}
