package dev.airlock.appliance.audit;

import java.time.Instant;

/** One audit row as stored. */
public record AuditEntry(long seq, Instant at, String operator, String action, String subject, String details,
        String prevHash, String hash) {}
