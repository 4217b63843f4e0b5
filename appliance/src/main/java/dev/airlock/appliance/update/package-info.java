/**
 * Updates without a network: finding a signed update on a stick ({@code AIRLOCK/update/}),
 * verifying it against the release key pinned on the image, staging it into
 * {@code DATA/update/} for the root-side helper that writes the spare root slot, reading that
 * helper's status, and restarting into the new version. {@link dev.airlock.appliance.update.UpdateService}
 * is the entry point; the copy and the small key=value parsers are package-private.
 */
package dev.airlock.appliance.update;
