package dev.airlock.appliance.audit;

import dev.airlock.formats.signature.Fingerprint;

/** The log's head signed: the row that announces it, and so the last row the signed head covers. */
record HeadSigned(long rows, Fingerprint key) implements AuditEvent {
    @Override
    public Row row() {
        return new Row(AuditService.SIGN_ACTION, "audit log", "head of rows 1 to " + rows + " signed with key " + key);
    }
}
