package dev.airlock.appliance.inventory;

import dev.airlock.formats.kit.MachineIdentity;
import java.time.Instant;

/**
 * A lab machine as recorded (PII: stays in the lab): its identity as last collected, plus
 * what the record adds.
 *
 * @param group  lab group name, "" when none
 * @param source "collector" or "manual"
 */
public record Machine(long id, MachineIdentity identity, String group, String source, Instant firstCollected,
        Instant lastCollected) {

    /** The host name (the identity's), the name technicians know the machine by. */
    public String hostName() {
        return identity.hostName();
    }
}
