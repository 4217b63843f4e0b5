package dev.airlock.appliance.update;

/** How far checking or staging an update is: bytes done of the image's total, per step. */
@FunctionalInterface
public interface UpdateProgress {
    /** The steps that read the image. */
    enum Step {
        /** Hashing the image on the stick. */
        CHECKING,
        /** Copying it into the data partition (hashing what is read). */
        COPYING,
        /** Hashing the copy again. */
        CHECKING_COPY
    }

    void report(Step step, long done, long total);

    /** Reports nowhere. */
    static UpdateProgress none() {
        return (step, done, total) -> { };
    }
}
