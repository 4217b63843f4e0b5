package dev.airlock.appliance.update;

/** What the running system is: an appliance image of some version, or not an appliance image at all. */
public sealed interface RunningImage permits RunningImage.Version, RunningImage.NotAnImage {
    /** An appliance image: {@code IMAGE_VERSION=} in os-release. */
    record Version(ImageVersion version) implements RunningImage {}

    /** No appliance image (a developer's machine, or os-release without a usable IMAGE_VERSION); {@code reason} in words. */
    record NotAnImage(String reason) implements RunningImage {}
}
