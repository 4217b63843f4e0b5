/**
 * Hardware as services that publish events: {@link dev.airlock.appliance.devices.MediaWatcher}
 * finds USB sticks (mount points and folders standing in for sticks), classifies them by their
 * {@code AIRLOCK/} folders and ejects them safely; {@link dev.airlock.appliance.devices.SerialScanner}
 * reads codes from a handheld QR scanner in USB serial (CDC) mode. Self-contained: no other
 * feature package is used, so any view may subscribe.
 */
package dev.airlock.appliance.devices;
