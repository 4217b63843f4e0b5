package dev.airlock.kiosk.core;

import dev.airlock.appliance.audit.Actor;

/** Who is at the kiosk right now. */
public record SignedInOperator(long id, String name, boolean supervisor) {
    public Actor actor() {
        return new Actor(name);
    }
}
