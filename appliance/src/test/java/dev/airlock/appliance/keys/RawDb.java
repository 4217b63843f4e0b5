package dev.airlock.appliance.keys;

import dev.airlock.appliance.store.Store;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Plain JDBC on the store file, to play the attacker who edits it behind the appliance's back. */
final class RawDb {
    private RawDb() {}

    static byte[] blob(Path dataDir, String sql) throws SQLException {
        try (Connection c = connect(dataDir); PreparedStatement s = c.prepareStatement(sql);
                ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getBytes(1);
        }
    }

    static long count(Path dataDir, String sql) throws SQLException {
        try (Connection c = connect(dataDir); PreparedStatement s = c.prepareStatement(sql);
                ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static void update(Path dataDir, String sql, Object... args) throws SQLException {
        try (Connection c = connect(dataDir); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            s.executeUpdate();
        }
    }

    private static Connection connect(Path dataDir) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve(Store.FILE_NAME));
    }
}
