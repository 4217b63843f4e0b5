package dev.airlock.appliance.merge;

import dev.airlock.appliance.inventory.ErrorCode;
import dev.airlock.appliance.ledger.OutboundBundle;
import java.time.Instant;
import java.util.List;

/** What importing one input did. */
public sealed interface MergeOutcome permits MergeOutcome.Merged, MergeOutcome.AlreadyMerged, MergeOutcome.Refused,
        MergeOutcome.Skipped {
    /** Where it came from (file name, or the frames file). */
    String source();

    /** A product the response rejected, with the explanation stored as its state detail. */
    record Rejection(long productId, String hostName, String productName, ErrorCode code, String explanation) {}

    /** A MAK count that came back. {@code makId} is empty when no vault MAK has that partial key. */
    record CountUpdate(String partialKey, long remaining, java.util.OptionalLong makId, boolean stored) {}

    /** Merged now. */
    record Merged(String source, String responseId, String requestId, int cids, List<Rejection> rejections,
            List<String> notes, List<CountUpdate> counts, OutboundBundle.State requestState, int requestOpen)
            implements MergeOutcome {
        public Merged {
            rejections = List.copyOf(rejections);
            notes = List.copyOf(notes);
            counts = List.copyOf(counts);
        }
    }

    /** The same response was merged before: nothing changed. */
    record AlreadyMerged(String source, String responseId, Instant mergedAt) implements MergeOutcome {}

    /** Refused before anything changed; {@code reason} says why and what to do. */
    record Refused(String source, String reason) implements MergeOutcome {}

    /** Not read at all (a link, a pipe, a device on the stick); {@code reason} says which. Not a failure. */
    record Skipped(String source, String reason) implements MergeOutcome {}
}
