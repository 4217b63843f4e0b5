package dev.airlock.appliance.operators;

import java.util.Locale;

/** What an operator may do at the kiosk: technicians run the daily work, supervisors also manage. */
public enum OperatorRole {
    TECHNICIAN,
    SUPERVISOR;

    /** The stored and typed form: {@code technician} or {@code supervisor}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role for {@code id} (case-insensitive); throws with the accepted values otherwise. */
    public static OperatorRole ofId(String id) {
        if (id != null) {
            for (OperatorRole r : values()) {
                if (r.id().equalsIgnoreCase(id.strip())) {
                    return r;
                }
            }
        }
        throw new IllegalArgumentException("unknown operator role '" + id + "': say technician or supervisor");
    }
}
