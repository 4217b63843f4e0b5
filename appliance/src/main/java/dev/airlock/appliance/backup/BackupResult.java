package dev.airlock.appliance.backup;

import java.nio.file.Path;

/** A backup written and read back: where, how big, and what it holds. */
public record BackupResult(Path file, long bytes, long machines, long products) {}
