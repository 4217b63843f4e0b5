package dev.airlock.appliance.cli;

import dev.airlock.formats.outside.OutsideFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

/** Checks a path the user typed before a command uses it, refusing a wrong one with the fix in words. */
final class UserPaths {
    private UserPaths() {}

    /** A stick's root folder that must already be there (the stick is mounted). */
    static Path stickRoot(Path given) {
        Path p = given.toAbsolutePath().normalize();
        throughAFile(p, "give the stick's root folder (e.g. /media/STICK)");
        if (!Files.exists(p)) {
            throw new Rejected("no such folder: " + p + "; give the stick's root folder (e.g. /media/STICK): is the"
                    + " stick inserted and mounted?");
        }
        if (!Files.isDirectory(p)) {
            throw new Rejected(p + " is a file, not a folder; give the stick's root folder (e.g. /media/STICK)");
        }
        return p;
    }

    /** Whether a path the user typed names a folder (for an option that takes one file only). */
    static boolean isFolder(Path given) {
        return Files.isDirectory(given);
    }

    /** A folder to write into: created when missing, refused when it is a file. */
    static Path outputFolder(Path given) {
        Path p = given.toAbsolutePath().normalize();
        throughAFile(p, "give a folder to write into");
        if (Files.exists(p) && !Files.isDirectory(p)) {
            throw new Rejected(p + " is a file, not a folder; give a folder to write into");
        }
        return p;
    }

    /** Refuses a path that goes through a file ({@code notes.txt/sub}), naming that file. */
    private static void throughAFile(Path p, String fix) {
        for (Path up = p.getParent(); up != null; up = up.getParent()) {
            if (Files.exists(up, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(up)) {
                throw new Rejected(p + ": a part of this path, " + up + ", is a file, not a folder; " + fix);
            }
        }
    }

    /** A file to read, named {@code what} in the message (e.g. "the request bundle file"). */
    static Path inputFile(Path given, String what) {
        Path p = given.toAbsolutePath().normalize();
        if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
            throw new Rejected("no such file: " + p + "; check the path of " + what);
        }
        if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
            throw new Rejected(p + " is a folder, not a file; give the path of " + what);
        }
        Optional<String> why;
        try {
            // a link, a pipe, a socket or a device: refused by its attributes, never opened
            why = OutsideFiles.notRegular(p);
        } catch (IOException e) {
            throw new Rejected("cannot read " + p + ": " + Main.describe(e) + "; check the path of " + what);
        }
        if (why.isPresent()) {
            throw new Rejected(p + " " + why.get() + "; give the path of " + what);
        }
        return p;
    }
}
