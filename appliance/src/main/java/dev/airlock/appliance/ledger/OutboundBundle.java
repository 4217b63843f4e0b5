package dev.airlock.appliance.ledger;

import java.time.Instant;

/** A request bundle this lab wrote: how many records it carried and how many came back answered. */
public record OutboundBundle(String id, String digest, Instant created, String fileName, int records, int answered,
        State state, String exportedBy) {

    /** Where a request stands. */
    public enum State {
        /** Written to a stick; no response merged yet. */
        WRITTEN("written"),
        /** Some of its records were answered. */
        PARTLY_ANSWERED("partly answered"),
        /** Every record was answered. */
        ANSWERED("answered");

        private final String label;

        State(String label) {
            this.label = label;
        }

        /** Lower-case words for people. */
        public String label() {
            return label;
        }
    }

    /** Records still without an answer. */
    public int open() {
        return records - answered;
    }
}
