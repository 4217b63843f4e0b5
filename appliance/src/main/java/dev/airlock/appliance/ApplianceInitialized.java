package dev.airlock.appliance;

import dev.airlock.appliance.audit.AuditEvent;
import dev.airlock.appliance.store.ApplianceInfo;

/** A new appliance set up: its random id, its role and the name the supervisor gave it. */
record ApplianceInitialized(String applianceId, ApplianceInfo.Role role, String name) implements AuditEvent {
    @Override
    public Row row() {
        return new Row("appliance.init", "appliance " + applianceId, "role=" + role.id() + "; name=" + name);
    }
}
