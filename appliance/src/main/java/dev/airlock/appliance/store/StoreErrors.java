package dev.airlock.appliance.store;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** Turns SQLite's and the file system's failures into messages a technician can act on. */
final class StoreErrors {
    private final Path dataDir;
    private final Path file;

    StoreErrors(Path dataDir, Path file) {
        this.dataDir = dataDir;
        this.file = file;
    }

    /** The {@link StoreException} that says what {@code e} means for the store. */
    StoreException translate(RuntimeException e) {
        if (e instanceof StoreException se) {
            return se;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLiteException sql) {
                return new StoreException(describe(sql.getResultCode()), e);
            }
            if (t instanceof StoreException se) {
                return se;
            }
        }
        String msg = e.getMessage() == null ? "the system gave no reason" : e.getMessage();
        if (msg.contains("readonly") || msg.contains("read-only")) {
            return new StoreException(describe(SQLiteErrorCode.SQLITE_READONLY), e);
        }
        return new StoreException("the data store " + file + " failed: " + firstLine(msg), e);
    }

    private String describe(SQLiteErrorCode code) {
        String name = code.name();
        if (name.startsWith("SQLITE_READONLY")) {
            return "the data store " + file + " is read-only (read-only file system or no write permission);"
                    + " nothing was changed. Make " + dataDir + " writable and try again";
        }
        if (name.startsWith("SQLITE_FULL")) {
            return "the disk holding " + dataDir + " is full; nothing was changed. Free some space and try again";
        }
        if (name.startsWith("SQLITE_BUSY") || name.startsWith("SQLITE_LOCKED")) {
            return "the data store is busy (another airlock command or the kiosk is writing); try again in a moment";
        }
        if (name.startsWith("SQLITE_CANTOPEN")) {
            // In WAL mode a read-only file system shows up as "cannot open" (no -shm file can be made).
            if (Files.exists(file) && !(Files.isWritable(dataDir) && Files.isWritable(file))) {
                return describe(SQLiteErrorCode.SQLITE_READONLY);
            }
            return "cannot open the data store " + file + " (missing, unreadable, or its folder is not writable)";
        }
        if (name.startsWith("SQLITE_CORRUPT") || name.startsWith("SQLITE_NOTADB")) {
            return "the file " + file + " is not a readable Airlock data store (damaged or not a database);"
                    + " restore it from a backup";
        }
        if (name.startsWith("SQLITE_IOERR")) {
            return "disk error on " + dataDir + " (" + name + ": disk full, removed or failing);"
                    + " the last change was not saved";
        }
        if (name.startsWith("SQLITE_CONSTRAINT")) {
            return "the change breaks a rule of the data store (" + name + "); nothing was changed";
        }
        return "the data store " + file + " failed (" + name + ")";
    }

    static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return fse.getReason();
        }
        return e.getMessage() == null ? "the system gave no reason" : e.getMessage();
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
