package dev.airlock.appliance.devices;

import dev.airlock.appliance.devices.StickLayout.Folder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads one stick: its kind and how many complete files each of its {@code AIRLOCK/} folders
 * holds ({@link StickLayout}). Only names are read (no walk, no per-file stat), so a poll stays
 * cheap even on a slow stick.
 */
final class StickReader {
    private StickReader() {}

    /** The stick at {@code root}; unreadable parts make it {@link StickKind#UNKNOWN} with zero counts. */
    static Stick read(Path root, String label, boolean mountPoint) {
        long free = freeBytes(root);
        try {
            StickKind kind = StickLayout.kindOf(root);
            if (kind == StickKind.EMPTY) { // no AIRLOCK/ folder: nothing to count (kindOf looked already)
                return new Stick(root, label, kind, mountPoint, 0, 0, 0, 0, free);
            }
            return new Stick(root, label, kind, mountPoint, StickLayout.completeFiles(root, Folder.OUTBOUND),
                    StickLayout.completeFiles(root, Folder.INBOUND), StickLayout.completeFiles(root, Folder.COLLECTED),
                    StickLayout.completeFiles(root, Folder.RESULTS), free);
        } catch (IOException | RuntimeException e) {
            return new Stick(root, label, StickKind.UNKNOWN, mountPoint, 0, 0, 0, 0, free);
        }
    }

    private static long freeBytes(Path root) {
        // File.getUsableSpace is one statvfs; Files.getFileStore would also scan the mount table
        try {
            long free = root.toFile().getUsableSpace();
            return free == 0 && !Files.isDirectory(root) ? -1 : free;
        } catch (RuntimeException e) {
            return -1;
        }
    }
}
