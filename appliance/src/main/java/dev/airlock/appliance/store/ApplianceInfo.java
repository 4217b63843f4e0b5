package dev.airlock.appliance.store;

import java.time.Instant;

/** Who this appliance is: a random id, its role, the name the supervisor gave it, when it was set up. */
public record ApplianceInfo(String applianceId, Role role, String displayName, Instant created) {
    /** Which side of the gap an appliance stands on. */
    public enum Role {
        /** In the isolated lab: holds the full record. */
        LAB,
        /** In the connected zone: obtains CIDs, never sees identity data. */
        GATEWAY;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static Role of(String id) {
            for (Role r : values()) {
                if (r.id().equalsIgnoreCase(id.strip())) {
                    return r;
                }
            }
            throw new IllegalArgumentException("role must be 'lab' or 'gateway', not '" + id + "'");
        }
    }
}
