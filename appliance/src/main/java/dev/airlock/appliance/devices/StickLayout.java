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
 * Where everything Airlock keeps on a stick lives, and how a stick's kind is decided from it: the
 * one place these names are written. Airlock writes only under {@code AIRLOCK/} (and a key card
 * at the root, where a person finds it); everything else on a stick is its owner's.
 *
 * <pre>
 * AIRLOCK/collector/  the collector kit (Collect.cmd, Apply.cmd, Collect.ps1, README.txt[, InstallKey.txt])  lab
 * AIRLOCK/collected/  one collector record per machine                                                      lab
 * AIRLOCK/kit/        the activation kit (one file per machine)                                             lab
 * AIRLOCK/results/    what Apply.cmd reports back                                                           lab
 * AIRLOCK/outbound/   signed requests, lab to gateway                                                       transfer
 * AIRLOCK/inbound/    signed responses, gateway to lab                                                      transfer
 * AIRLOCK/backup/     encrypted backups
 * AIRLOCK/update/     signed system updates
 * airlock-keycard-*.xml (+ .png)  key cards, at the root or in AIRLOCK/
 * </pre>
 */
public final class StickLayout {
    /** Airlock's folder at a stick's root. */
    public static final String AIRLOCK = "AIRLOCK";
    /** The collector kit's key file (a MAK in clear text) in {@link Folder#COLLECTOR}. */
    public static final String INSTALL_KEY = "InstallKey.txt";
    /** The collector kit's script that marks a stick as a lab stick even without {@code AIRLOCK/}. */
    public static final String COLLECT_CMD = "Collect.cmd";
    /** How a key card file's name starts (then the role, the label, {@code .xml}). */
    public static final String KEY_CARD_PREFIX = "airlock-keycard-";

    /** A folder under {@code AIRLOCK/}. */
    public enum Folder {
        /** The collector kit. */
        COLLECTOR("collector", StickKind.LAB),
        /** Collector records: host names, serials, addresses. */
        COLLECTED("collected", StickKind.LAB),
        /** The activation kit: a machine's CIDs by host name. */
        KIT("kit", StickKind.LAB),
        /** Apply results: per machine, what was installed. */
        RESULTS("results", StickKind.LAB),
        /** Signed requests on their way to the gateway. */
        OUTBOUND("outbound", StickKind.TRANSFER),
        /** Signed responses on their way back to the lab. */
        INBOUND("inbound", StickKind.TRANSFER),
        /** Encrypted backups of the appliance (on any stick: it decides no kind). */
        BACKUP("backup", StickKind.UNKNOWN),
        /** Signed system updates (on any stick: it decides no kind). */
        UPDATE("update", StickKind.UNKNOWN);

        private final String name;
        private final StickKind marks;

        Folder(String name, StickKind marks) {
            this.name = name;
            this.marks = marks;
        }

        /** Its name inside {@code AIRLOCK/}, e.g. {@code inbound}. */
        public String folderName() {
            return name;
        }

        /** As people read it in a message: {@code AIRLOCK/inbound}. */
        public String shown() {
            return AIRLOCK + "/" + name;
        }

        /** This folder on the stick at {@code root}. */
        public Path on(Path root) {
            return root.resolve(AIRLOCK).resolve(name);
        }
    }

    /** Folders whose files carry names, addresses or CIDs by host: a transfer stick must hold none of them. */
    public static final List<Folder> LAB_ONLY = List.of(Folder.COLLECTED, Folder.KIT, Folder.RESULTS);

    private StickLayout() {}

    /** {@code AIRLOCK/} on the stick at {@code root}. */
    public static Path airlock(Path root) {
        return root.resolve(AIRLOCK);
    }

    /** The collector kit's clear-text key file on the stick at {@code root}. */
    public static Path installKey(Path root) {
        return Folder.COLLECTOR.on(root).resolve(INSTALL_KEY);
    }

    /** Whether {@code fileName} looks like a key card file. */
    public static boolean isKeyCardName(String fileName) {
        return fileName.startsWith(KEY_CARD_PREFIX) && fileName.endsWith(".xml") || fileName.endsWith(".card");
    }

    /** Where key cards are looked for on the stick at {@code root}: its root, then {@code AIRLOCK/}. */
    public static List<Path> keyCardFolders(Path root) {
        return List.of(root, airlock(root));
    }

    /**
     * A stick's kind: {@link StickKind#LAB} if any lab folder exists or the collector's script is
     * at its root, else {@link StickKind#TRANSFER} if a transfer folder exists, else
     * {@link StickKind#EMPTY} without {@code AIRLOCK/} and {@link StickKind#UNKNOWN} with one.
     * Only names are looked at (no walk), so a poll stays cheap.
     */
    public static StickKind kindOf(Path root) {
        Path airlock = airlock(root);
        boolean collectorScript = Files.exists(root.resolve(COLLECT_CMD), LinkOption.NOFOLLOW_LINKS);
        if (!Files.isDirectory(airlock)) {
            return collectorScript ? StickKind.LAB : StickKind.EMPTY;
        }
        if (collectorScript || anyFolder(root, StickKind.LAB)) {
            return StickKind.LAB;
        }
        return anyFolder(root, StickKind.TRANSFER) ? StickKind.TRANSFER : StickKind.UNKNOWN;
    }

    private static boolean anyFolder(Path root, StickKind kind) {
        for (Folder f : Folder.values()) {
            if (f.marks == kind && Files.isDirectory(f.on(root))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Complete {@code *.xml} files in {@code folder} on the stick at {@code root} (0 when it is
     * missing): temp names are left out ({@code AtomicFiles} writes {@code .NAME.HEX.tmp}, the
     * collector {@code NAME.xml.tmp}; both fail the test). Only names are read.
     */
    public static int completeFiles(Path root, Folder folder) throws IOException {
        int n = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder.on(root))) {
            for (Path f : files) {
                if (isComplete(f.getFileName().toString())) {
                    n++;
                }
            }
        } catch (NoSuchFileException | NotDirectoryException e) {
            return 0;
        }
        return n;
    }

    /** Whether a file name is a complete bundle or record (not hidden, not a temp file, {@code .xml}). */
    public static boolean isComplete(String name) {
        return !name.startsWith(".") && name.toLowerCase(Locale.ROOT).endsWith(".xml");
    }

    /** Said of a folder on a stick that is a link: what a technician reads beside its name. */
    public static final String LINKED_FOLDER = "a symbolic link: folders on a stick are not followed when they are"
            + " links (one could lead off the stick); put the files in the folder itself";

    /** A path on a stick that would lead off it, and why, in words that follow its name. */
    public record OffTheStick(Path path, String reason) {
        /** "PATH: REASON". */
        public String shown() {
            return path + ": " + reason;
        }
    }

    /**
     * Why {@code dir}, a folder on the stick at {@code root}, is not read (or written) as it is:
     * {@code AIRLOCK} or any folder between the root and {@code dir} is a symbolic link, or the
     * path climbs out with {@code ..} or resolves somewhere off the stick. Empty when {@code dir}
     * stays on the stick (it need not exist).
     */
    public static java.util.Optional<OffTheStick> offTheStick(Path root, Path dir) {
        // the root is the user's own path (it may hold '..'); below it, every name comes from the stick
        Path r0 = root.toAbsolutePath();
        Path d0 = dir.toAbsolutePath();
        Path r = r0.normalize();
        Path d = d0.normalize();
        Path below = d0.startsWith(r0) ? r0.relativize(d0) : d.startsWith(r) ? r.relativize(d) : null;
        if (below == null) {
            return java.util.Optional.of(new OffTheStick(dir, "is not on the stick at " + root + ": not read"));
        }
        for (Path part : below) {
            if (part.toString().equals("..")) {
                return java.util.Optional.of(new OffTheStick(dir, "climbs out of its folder with '..': not read"));
            }
        }
        Path at = r;
        for (Path part : r.relativize(d)) {
            at = at.resolve(part);
            if (Files.isSymbolicLink(at)) {
                return java.util.Optional.of(new OffTheStick(at, LINKED_FOLDER));
            }
            if (!Files.exists(at, LinkOption.NOFOLLOW_LINKS)) {
                return java.util.Optional.empty();
            }
        }
        try {
            if (!d.toRealPath().startsWith(r.toRealPath())) {
                return java.util.Optional.of(new OffTheStick(dir, "resolves off the stick at " + root + ": not read"));
            }
        } catch (IOException e) {
            return java.util.Optional.of(new OffTheStick(dir, "cannot be resolved (" + e.getMessage() + "): not read"));
        }
        return java.util.Optional.empty();
    }

    /** {@link #offTheStick(Path, Path)} for one of the stick's own folders. */
    public static java.util.Optional<OffTheStick> offTheStick(Path root, Folder folder) {
        return offTheStick(root, folder.on(root));
    }
}
