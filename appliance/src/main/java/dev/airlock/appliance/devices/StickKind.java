package dev.airlock.appliance.devices;

/**
 * What a stick is for, read from its {@code AIRLOCK/} folders. A stick with both lab and transfer
 * folders is {@link #LAB}: it carries names and addresses and must not leave the lab.
 */
public enum StickKind {
    /** {@code AIRLOCK/collected}, {@code kit}, {@code results} or {@code collector}, or {@code Collect.cmd} at the root. */
    LAB,
    /** {@code AIRLOCK/outbound} or {@code AIRLOCK/inbound} and nothing of a lab stick. */
    TRANSFER,
    /** No {@code AIRLOCK} folder: a fresh stick (unrelated files may be on it). */
    EMPTY,
    /** An {@code AIRLOCK} folder without any known subfolder, or a stick that could not be read. */
    UNKNOWN
}
