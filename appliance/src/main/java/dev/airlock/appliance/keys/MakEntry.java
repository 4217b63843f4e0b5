package dev.airlock.appliance.keys;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What the vault shows about one MAK: never the key, only its last 5 characters, the supervisor's
 * description, and the last known remaining-activation count with when it was learned.
 */
public record MakEntry(long id, String partialKey, String description, Instant added, String addedBy,
        OptionalInt remaining, Optional<Instant> remainingLearned) {}
