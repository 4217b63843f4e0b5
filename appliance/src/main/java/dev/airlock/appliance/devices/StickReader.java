package dev.airlock.appliance.devices;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Reads one stick's {@code AIRLOCK/} folders: its kind and how many complete files each holds.
 * Only names are read (no walk, no per-file stat), so a poll stays cheap even on a slow stick.
 * Folder names follow {@code StickExport}, {@code GatewayService}, {@code IntakeService} and
 * {@code CollectorKitService}; repeated here so devices depends on no other feature.
 */
final class StickReader {
    static final String AIRLOCK = "AIRLOCK";
    static final String OUTBOUND = "outbound";
    static final String INBOUND = "inbound";
    static final String COLLECTED = "collected";
    static final String RESULTS = "results";
    static final List<String> LAB_FOLDERS = List.of(COLLECTED, "kit", RESULTS, "collector");
    static final List<String> TRANSFER_FOLDERS = List.of(OUTBOUND, INBOUND);
    static final String COLLECT_CMD = "Collect.cmd";

    private StickReader() {}

    /** The stick at {@code root}; unreadable parts make it {@link StickKind#UNKNOWN} with zero counts. */
    static Stick read(Path root, String label, boolean mountPoint) {
        long free = freeBytes(root);
        try {
            Path airlock = root.resolve(AIRLOCK);
            boolean hasAirlock = Files.isDirectory(airlock);
            StickKind kind;
            if (!hasAirlock) {
                kind = Files.exists(root.resolve(COLLECT_CMD), LinkOption.NOFOLLOW_LINKS) ? StickKind.LAB : StickKind.EMPTY;
                return new Stick(root, label, kind, mountPoint, 0, 0, 0, 0, free);
            }
            int requests = countXml(airlock.resolve(OUTBOUND));
            int responses = countXml(airlock.resolve(INBOUND));
            int collected = countXml(airlock.resolve(COLLECTED));
            int results = countXml(airlock.resolve(RESULTS));
            if (anyFolder(airlock, LAB_FOLDERS) || Files.exists(root.resolve(COLLECT_CMD), LinkOption.NOFOLLOW_LINKS)) {
                kind = StickKind.LAB;
            } else if (anyFolder(airlock, TRANSFER_FOLDERS)) {
                kind = StickKind.TRANSFER;
            } else {
                kind = StickKind.UNKNOWN;
            }
            return new Stick(root, label, kind, mountPoint, requests, responses, collected, results, free);
        } catch (IOException | RuntimeException e) {
            return new Stick(root, label, StickKind.UNKNOWN, mountPoint, 0, 0, 0, 0, free);
        }
    }

    private static boolean anyFolder(Path airlock, List<String> names) {
        for (String n : names) {
            if (Files.isDirectory(airlock.resolve(n))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Complete {@code *.xml} files in {@code dir}: temp names are left out ({@code AtomicFiles}
     * writes {@code .NAME.HEX.tmp}, the collector {@code NAME.xml.tmp}; both fail the test).
     */
    static int countXml(Path dir) throws IOException {
        int n = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                if (complete(f.getFileName().toString())) {
                    n++;
                }
            }
        } catch (NoSuchFileException | NotDirectoryException e) {
            return 0;
        }
        return n;
    }

    static boolean complete(String name) {
        return !name.startsWith(".") && name.toLowerCase(Locale.ROOT).endsWith(".xml");
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
