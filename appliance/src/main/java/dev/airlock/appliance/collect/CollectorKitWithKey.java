package dev.airlock.appliance.collect;

import dev.airlock.appliance.keys.MakEntry;

/** A collector kit written with MAK {@code mak} to install: what the vault shows of it (never the key). */
public record CollectorKitWithKey(CollectorKitWritten kit, MakEntry mak) {}
