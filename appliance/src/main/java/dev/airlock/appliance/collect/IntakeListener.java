package dev.airlock.appliance.collect;

/** Progress of an intake run, one call per file, as it happens (for a progress bar or a CLI line). */
@FunctionalInterface
public interface IntakeListener {
    void fileDone(FileOutcome outcome);
}
