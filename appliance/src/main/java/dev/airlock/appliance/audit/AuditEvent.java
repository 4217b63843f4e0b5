package dev.airlock.appliance.audit;

/**
 * Something a flow did, as the audit log records it: each flow defines its events as small records
 * with typed fields that render their own {@link Row}, so the words of a row live beside the facts
 * they state. {@link AuditService#record} stores one in the caller's transaction.
 */
public interface AuditEvent {
    /** The row this event writes. */
    Row row();

    /**
     * An event's words as the log stores them (outside text in them is made one line when stored).
     *
     * @param action  what was done, e.g. {@code product.export} or {@code operator.signin}
     * @param subject what it was done to, e.g. {@code machine 12}, {@code product 40} or {@code products}
     * @param details the details people read: counts, names, the reason
     */
    record Row(String action, String subject, String details) {}
}
