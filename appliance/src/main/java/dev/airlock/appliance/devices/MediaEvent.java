package dev.airlock.appliance.devices;

/** A stick came, went, or changed (kind, file counts or label). */
public sealed interface MediaEvent permits MediaEvent.Inserted, MediaEvent.Removed, MediaEvent.Changed {
    /** The stick as now seen (for {@link Removed}: as last seen). */
    Stick stick();

    /** A stick appeared. */
    record Inserted(Stick stick) implements MediaEvent {}

    /** A stick is gone (pulled, ejected, or its folder removed). */
    record Removed(Stick stick) implements MediaEvent {}

    /** A stick's kind, file counts or label changed (free space alone raises no event). */
    record Changed(Stick stick) implements MediaEvent {}
}
