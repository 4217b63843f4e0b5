package dev.airlock.appliance.update;

import java.nio.file.Path;

/**
 * An update copied into {@code DATA/update/staged/} and handed to the system's update helper.
 *
 * @param image the staged squashfs copy
 * @param manifest the staged manifest (its {@code .sig} beside it)
 * @param request the request file the helper watches
 */
public record StagedUpdate(ImageVersion version, Path image, Path manifest, Path request, long bytes) {}
