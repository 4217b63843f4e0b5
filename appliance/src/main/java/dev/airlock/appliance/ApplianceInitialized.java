package dev.airlock.appliance;

import dev.airlock.appliance.audit.AuditEvent;
import dev.airlock.appliance.store.ApplianceInfo;

/** A new appliance set up: its random id, its role and the name the supervisor gave it. */
record ApplianceInitialized(String applianceId, ApplianceInfo.Role role, String name) implements AuditEvent {
    @Override
    public String action() {
        return "appliance.init";
    }

    @Override
    public String subject() {
        return "appliance " + applianceId;
    }

    @Override
    public String details() {
        return "role=" + role.id() + "; name=" + name;
    }
}
