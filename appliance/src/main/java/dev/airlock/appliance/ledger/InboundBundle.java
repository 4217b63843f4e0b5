package dev.airlock.appliance.ledger;

import java.time.Instant;

/** A response merged into the record, with what it did. */
public record InboundBundle(String id, String requestId, String digest, String signer, Instant created,
        String fileName, Instant merged, String mergedBy, int cids, int errors, int skipped, int counts) {}
