package dev.airlock.appliance.inventory;

import java.util.List;

/** What recording one machine's collection did to the store. */
public sealed interface CollectionOutcome {
    /**
     * A machine new to the store, with its products.
     *
     * @param notNeeded one line per product recorded as needing no CID ("'Office 21': Licensed, nothing to do")
     */
    record Added(long machineId, String hostName, int products, List<String> notNeeded) implements CollectionOutcome {
        public Added {
            notNeeded = List.copyOf(notNeeded);
        }
    }

    /** A known machine whose identity or products changed; {@code changes} in plain words. */
    record Updated(long machineId, String hostName, List<String> changes) implements CollectionOutcome {
        public Updated {
            changes = List.copyOf(changes);
        }
    }

    /** Nothing that matters changed; {@code why} says so in plain words. */
    record Unchanged(long machineId, String hostName, String why) implements CollectionOutcome {}

    /**
     * Refused, nothing written: the data clashes with the record (same IID elsewhere, ambiguous host).
     * {@code sameAs}: the machine the record may really be (renamed, new board), when taking it in
     * as that machine is the way out.
     */
    record Conflict(String message, java.util.OptionalLong sameAs) implements CollectionOutcome {
        public Conflict(String message) {
            this(message, java.util.OptionalLong.empty());
        }
    }
}
