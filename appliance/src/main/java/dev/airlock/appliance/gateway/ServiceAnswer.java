package dev.airlock.appliance.gateway;

import dev.airlock.formats.ids.ConfirmationId;

/** What BatchActivation answered for one request: a CID, a remaining count, or an error code. */
sealed interface ServiceAnswer {
    /** Request type 1 succeeded. */
    record Cid(ConfirmationId cid) implements ServiceAnswer {}

    /** Request type 2 succeeded: the MAK's remaining activations. */
    record Remaining(long count) implements ServiceAnswer {}

    /** The service answered with an {@code ErrorCode} (no activation was spent). */
    record Error(int code) implements ServiceAnswer {
        String codeText() {
            return "0x" + Integer.toHexString(code).toUpperCase(java.util.Locale.ROOT);
        }
    }
}
