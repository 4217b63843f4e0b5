package dev.airlock.appliance.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Checks a path the user typed before a command uses it, refusing a wrong one with the fix in words. */
final class UserPaths {
    private UserPaths() {}

    /** A stick's root folder that must already be there (the stick is mounted). */
    static Path stickRoot(Path given) {
        Path p = given.toAbsolutePath().normalize();
        if (!Files.exists(p)) {
            throw new Rejected("no such folder: " + p + "; give the stick's root folder (e.g. /media/STICK): is the"
                    + " stick inserted and mounted?");
        }
        if (!Files.isDirectory(p)) {
            throw new Rejected(p + " is a file, not a folder; give the stick's root folder (e.g. /media/STICK)");
        }
        return p;
    }

    /** A folder to write into: created when missing, refused when it is a file. */
    static Path outputFolder(Path given) {
        Path p = given.toAbsolutePath().normalize();
        if (Files.exists(p) && !Files.isDirectory(p)) {
            throw new Rejected(p + " is a file, not a folder; give a folder to write into");
        }
        return p;
    }

    /** A file to read, named {@code what} in the message (e.g. "the request bundle file"). */
    static Path inputFile(Path given, String what) {
        Path p = given.toAbsolutePath().normalize();
        if (!Files.exists(p)) {
            throw new Rejected("no such file: " + p + "; check the path of " + what);
        }
        if (Files.isDirectory(p)) {
            throw new Rejected(p + " is a folder, not a file; give the path of " + what);
        }
        return p;
    }
}
