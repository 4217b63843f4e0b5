/**
 * Bundles as a technician meets them: checking a bundle file's signature and signer, and
 * carrying a bundle as QR frames (encode to PNGs and text, reassemble from scans or images).
 */
package dev.airlock.appliance.bundles;
