package dev.airlock.appliance.operators;

import java.time.Instant;

/** A kiosk operator as shown in lists (the PIN hash never leaves the repository). */
public record Operator(long id, String name, OperatorRole role, Instant createdAt) {}
