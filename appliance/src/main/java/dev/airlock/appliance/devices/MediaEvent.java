package dev.airlock.appliance.devices;

/** A stick came, went, or changed (contents, kind, counts or free space). */
public sealed interface MediaEvent permits MediaEvent.Inserted, MediaEvent.Removed, MediaEvent.Changed {
    /** The stick as now seen (for {@link Removed}: as last seen). */
    Stick stick();

    /** A stick appeared. */
    record Inserted(Stick stick) implements MediaEvent {}

    /** A stick is gone (pulled, ejected, or its folder removed). */
    record Removed(Stick stick) implements MediaEvent {}

    /** A stick's contents, kind, counts or free space changed. */
    record Changed(Stick stick) implements MediaEvent {}
}
