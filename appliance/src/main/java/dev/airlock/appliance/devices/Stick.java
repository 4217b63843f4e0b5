package dev.airlock.appliance.devices;

import java.nio.file.Path;

/**
 * One stick as last seen: where it is, what it is for, and how many complete files it holds.
 *
 * @param root           the stick's root (where {@code AIRLOCK/} is)
 * @param label          the volume label when known, else the folder's name
 * @param kind           what it is for
 * @param mountPoint     a real mount point (false: a folder standing in for a stick)
 * @param requestFiles   complete {@code *.xml} files in {@code AIRLOCK/outbound} (requests to the gateway)
 * @param responseFiles  complete {@code *.xml} files in {@code AIRLOCK/inbound} (the gateway's responses)
 * @param collectedFiles complete files in {@code AIRLOCK/collected} (collector records)
 * @param resultFiles    complete files in {@code AIRLOCK/results} (apply results)
 * @param freeBytes      usable free space, or -1 when unknown
 */
public record Stick(Path root, String label, StickKind kind, boolean mountPoint, int requestFiles,
        int responseFiles, int collectedFiles, int resultFiles, long freeBytes) {}
