package dev.airlock.appliance.inventory;

/**
 * What a product's state says beyond its name, as typed fields: a supervisor's forced reuse and
 * the error code of a rejection are values, never prefixes of a sentence. {@link #text()} builds
 * the sentence people read (CLI, kiosk, audit), the same words as always.
 */
public sealed interface StateDetail permits StateDetail.Note, StateDetail.Rejection, StateDetail.ForcedReuse {

    /** The words shown with the state, "" when there are none. */
    String text();

    /** The words that follow the typed part (all of them for a {@link Note}); stored as they are. */
    String words();

    /** No detail. */
    static StateDetail none() {
        return Note.NONE;
    }

    /** Plain words kept with the state, e.g. "in request 1a2b3c4d" ("" or null for none). */
    static StateDetail note(String words) {
        return words == null || words.isEmpty() ? Note.NONE : new Note(words);
    }

    /** Plain words, nothing typed in them. */
    record Note(String words) implements StateDetail {
        static final Note NONE = new Note("");

        public Note {
            words = words == null ? "" : words;
        }

        @Override
        public String text() {
            return words;
        }
    }

    /**
     * A rejection with its error code.
     *
     * @param explanation what the code means and what to do, e.g. "MAK activation limit reached: ..."
     */
    record Rejection(ErrorCode code, String explanation) implements StateDetail {
        public Rejection {
            explanation = explanation == null ? "" : explanation;
        }

        @Override
        public String text() {
            return code.text() + ": " + explanation;
        }

        @Override
        public String words() {
            return explanation;
        }
    }

    /**
     * A supervisor forced a stored CID onto this product although its IID differs; an apply after
     * it counts as a forced activation saved.
     *
     * @param words who did it and which CID, e.g. "by sup: CID of the earlier IID ..."
     */
    record ForcedReuse(String words) implements StateDetail {
        /** How the sentence of a forced reuse starts. */
        public static final String LEAD = "forced reuse";

        public ForcedReuse {
            words = words == null ? "" : words;
        }

        @Override
        public String text() {
            return words.isEmpty() ? LEAD : LEAD + " " + words;
        }
    }
}
