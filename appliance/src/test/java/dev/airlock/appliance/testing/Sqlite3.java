package dev.airlock.appliance.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Runs the machine's {@code sqlite3} command-line shell on a database file, as someone tampering by hand would. */
public final class Sqlite3 {
    private static final String BINARY = "/usr/bin/sqlite3";

    private Sqlite3() {}

    /** Runs {@code sql} against {@code db} and returns its standard output; throws when sqlite3 reports an error. */
    public static String run(Path db, String sql) {
        try {
            Process p = new ProcessBuilder(BINARY, "-bail", db.toString(), sql).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("sqlite3 timed out on: " + sql);
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException("sqlite3 exited " + p.exitValue() + " on '" + sql + "': " + out);
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + BINARY + " (is the sqlite3 package installed?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running sqlite3", e);
        }
    }
}
