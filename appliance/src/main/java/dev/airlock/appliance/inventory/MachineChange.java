package dev.airlock.appliance.inventory;

import java.time.Instant;

/** One field of a machine that changed between collections, and where the change came from. */
public record MachineChange(Instant at, String field, String oldValue, String newValue, String source) {}
