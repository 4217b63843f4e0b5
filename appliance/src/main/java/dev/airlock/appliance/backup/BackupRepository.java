package dev.airlock.appliance.backup;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import org.sqlite.SQLiteConfig;

/**
 * SQL on whole database files: snapshotting the live store with {@code VACUUM INTO} (on its own
 * connection, since VACUUM cannot run inside the store's transactions) and inspecting a restored
 * file before the store opens it.
 */
final class BackupRepository {
    private static final int BUSY_TIMEOUT_MS = 10_000;

    /** What a database file holds, read before it is trusted. */
    record Inspection(String integrity, Optional<Integer> schemaVersion, Optional<String> applianceName,
            long machines, long products) {}

    private BackupRepository() {}

    /** Writes a consistent copy of {@code db} (committed transactions only) to the new file {@code target}. */
    static void snapshot(Path db, Path target) throws IOException {
        try (Connection c = connect(db); PreparedStatement st = c.prepareStatement("VACUUM INTO ?")) {
            st.setString(1, target.toString());
            st.execute();
        } catch (SQLException e) {
            throw new IOException("cannot snapshot the data store " + db + " (" + e.getMessage() + ")", e);
        }
    }

    /** Counts machines and products in a snapshot. */
    static long[] counts(Path db) throws IOException {
        try (Connection c = connect(db)) {
            return new long[] {count(c, "machine"), count(c, "product")};
        } catch (SQLException e) {
            throw new IOException("cannot read the snapshot " + db + " (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Integrity, schema version and contents of {@code db}; empty fields when it is no Airlock
     * store, and SQLite's complaint as the integrity when it is no readable database at all.
     */
    static Inspection inspect(Path db) {
        try {
            return inspectOrThrow(db);
        } catch (SQLException e) {
            return new Inspection(String.valueOf(e.getMessage()), Optional.empty(), Optional.empty(), 0, 0);
        }
    }

    private static Inspection inspectOrThrow(Path db) throws SQLException {
        try (Connection c = connect(db); Statement st = c.createStatement()) {
            String integrity;
            try (ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
                StringBuilder all = new StringBuilder();
                while (rs.next() && all.length() < 500) {
                    all.append(all.isEmpty() ? "" : "; ").append(rs.getString(1));
                }
                integrity = all.toString();
            }
            if (!"ok".equals(integrity)) {
                return new Inspection(integrity, Optional.empty(), Optional.empty(), 0, 0);
            }
            if (!hasTable(c, "flyway_schema_history") || !hasTable(c, "appliance")) {
                return new Inspection(integrity, Optional.empty(), Optional.empty(), 0, 0);
            }
            int version;
            try (ResultSet rs = st.executeQuery("SELECT COALESCE(MAX(CAST(version AS INTEGER)), 0)"
                    + " FROM flyway_schema_history WHERE success = 1")) {
                version = rs.next() ? rs.getInt(1) : 0;
            }
            Optional<String> name;
            try (ResultSet rs = st.executeQuery("SELECT display_name FROM appliance")) {
                name = rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
            boolean inventory = hasTable(c, "machine") && hasTable(c, "product");
            return new Inspection(integrity, Optional.of(version), name, inventory ? count(c, "machine") : 0,
                    inventory ? count(c, "product") : 0);
        }
    }

    private static boolean hasTable(Connection c, String table) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT count(*) FROM sqlite_master WHERE type = 'table'"
                + " AND name = ?")) {
            st.setString(1, table);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() && rs.getInt(1) == 1;
            }
        }
    }

    private static long count(Connection c, String table) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM " + table)) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    private static Connection connect(Path db) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        return config.createConnection("jdbc:sqlite:" + db);
    }
}
