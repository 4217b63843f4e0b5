package dev.airlock.appliance.backup;

import java.nio.file.Path;
import java.util.Optional;

/** A backup put in place: the data dir, the appliance it belongs to, its counts, and where any old store went. */
public record RestoreResult(Path dataDir, String applianceName, long machines, long products,
        Optional<Path> movedAside) {}
