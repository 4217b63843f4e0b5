package dev.airlock.appliance.testing;

import dev.airlock.appliance.audit.AuditEvent;

/** An audit event as the log stores it (action, subject, details), for golden tests of each event's rendering. */
public record AuditRow(String action, String subject, String details) {
    public static AuditRow of(AuditEvent event) {
        return new AuditRow(event.action(), event.subject(), event.details());
    }
}
