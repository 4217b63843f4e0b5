package dev.airlock.appliance.store;

import dev.airlock.appliance.support.FileTrees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where sqlite-jdbc unpacks its native library: a folder of this process's own, not the shared
 * temporary folder.
 *
 * <p>In the shared folder every starting JVM deletes the copies it believes stale, so two
 * commands started at once raced to delete the same file and one of them printed a
 * {@code NoSuchFileException} stack trace to the user. Here each process unpacks into
 * {@code airlock-sqlite-<pid>-*} (mode 700, deleted at exit), and removes the folders of
 * processes that no longer run (killed ones leave theirs). A {@code org.sqlite.tmpdir} or
 * {@code org.sqlite.lib.path} given on the command line wins.
 */
final class NativeSqlite {

    static final String PREFIX = "airlock-sqlite-";

    private static boolean isolated;

    private NativeSqlite() {}

    /** Points sqlite-jdbc at this process's own folder; once per process, before the first connection. */
    static synchronized void isolate() {
        if (isolated || System.getProperty("org.sqlite.tmpdir") != null
                || System.getProperty("org.sqlite.lib.path") != null) {
            isolated = true;
            return;
        }
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        removeLeftovers(tmp);
        try {
            Path own = Files.createTempDirectory(tmp, PREFIX + ProcessHandle.current().pid() + "-");
            own.toFile().deleteOnExit(); // runs after sqlite-jdbc's own deleteOnExit of the library inside
            System.setProperty("org.sqlite.tmpdir", own.toString());
        } catch (IOException | UncheckedIOException e) {
            // an unwritable temporary folder: sqlite-jdbc's default applies, and says what fails
        }
        isolated = true;
    }

    /** Deletes the folders of processes that have ended; a folder another process removes first is fine. */
    static void removeLeftovers(Path tmp) {
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(tmp, PREFIX + "*")) {
            for (Path dir : dirs) {
                if (!running(dir.getFileName().toString()) && Files.isDirectory(dir)) { // another user's: deletes fail
                    FileTrees.deleteQuietly(dir);
                }
            }
        } catch (IOException | RuntimeException e) {
            // nothing to tidy, or not ours to tidy
        }
    }

    private static boolean running(String name) {
        String rest = name.substring(PREFIX.length());
        int dash = rest.indexOf('-');
        try {
            long pid = Long.parseLong(dash < 0 ? rest : rest.substring(0, dash));
            return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException e) {
            return true; // not a name this class made: leave it
        }
    }
}
