package dev.airlock.appliance.audit;

/**
 * Something a flow did, as the audit log records it: each flow defines its events as small records
 * with typed fields and renders them here, so the words of a row live beside the facts they state.
 * {@link AuditService#record} stores one in the caller's transaction.
 */
public interface AuditEvent {
    /** What was done, e.g. {@code product.export} or {@code operator.signin}. */
    String action();

    /** What it was done to, e.g. {@code machine 12}, {@code product 40} or {@code products}. */
    String subject();

    /** The details people read: counts, names, the reason. */
    String details();
}
