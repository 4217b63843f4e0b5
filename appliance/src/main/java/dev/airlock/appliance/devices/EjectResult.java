package dev.airlock.appliance.devices;

/**
 * What an eject did.
 *
 * @param unmounted true when a mount was released by this call
 * @param message   what happened, for the technician (e.g. "LABSTICK is unmounted: safe to remove")
 */
public record EjectResult(boolean unmounted, String message) {}
