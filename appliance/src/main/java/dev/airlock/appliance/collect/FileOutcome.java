package dev.airlock.appliance.collect;

import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * What happened to one file, in plain words; {@code sameAs}: for a file refused as a conflict, the
 * machine it may really be (take it in again as that machine when the operator says so).
 */
public record FileOutcome(Path file, Kind kind, String message, OptionalLong machineId, OptionalLong sameAs) {
    public FileOutcome(Path file, Kind kind, String message, OptionalLong machineId) {
        this(file, kind, message, machineId, OptionalLong.empty());
    }

    /** Outcome kinds; a run with any {@link #REJECTED} file is a failed run. */
    public enum Kind {
        /** A new machine was recorded. */
        ACCEPTED,
        /** A known machine's record changed. */
        UPDATED,
        /** Nothing changed (same file again, same data, or older data). */
        UNCHANGED,
        /** The file was refused and changed nothing. */
        REJECTED,
        /** Not a collector file (other name, link, temporary file); not read. */
        SKIPPED;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
