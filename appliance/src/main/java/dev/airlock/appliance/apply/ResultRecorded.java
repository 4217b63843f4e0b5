package dev.airlock.appliance.apply;

import java.util.List;

/** What taking one apply result in did. */
public sealed interface ResultRecorded {
    /** The machine's collection and the outcomes were recorded; {@code lines} in plain words. */
    record Done(long machineId, String hostName, boolean newMachine, List<String> lines, int applied,
            int verified, int failed) implements ResultRecorded {
        public Done {
            lines = List.copyOf(lines);
        }

        /** "2 applied, 1 verified, 0 failed". */
        public String counts() {
            return applied + " applied, " + verified + " verified, " + failed + " failed";
        }
    }

    /** Refused, nothing written (e.g. the IID conflict rule of a collection). */
    record Refused(String message) implements ResultRecorded {}
}
