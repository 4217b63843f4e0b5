package dev.airlock.appliance.audit;

import dev.airlock.formats.signature.Fingerprint;

/** The log's head signed: the row that announces it, and so the last row the signed head covers. */
record HeadSigned(long rows, Fingerprint key) implements AuditEvent {
    @Override
    public String action() {
        return AuditService.SIGN_ACTION;
    }

    @Override
    public String subject() {
        return "audit log";
    }

    @Override
    public String details() {
        return "head of rows 1 to " + rows + " signed with key " + key;
    }
}
