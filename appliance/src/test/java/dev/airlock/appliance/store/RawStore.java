package dev.airlock.appliance.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/** The store file of a data dir reached with plain JDBC, as migration tests build an older schema and read it back. */
final class RawStore {
    private RawStore() {}

    /** A data source on {@code dir}'s store file, foreign keys enforced (as the store opens it). */
    static SQLiteDataSource dataSource(Path dir) {
        SQLiteConfig config = new SQLiteConfig();
        config.enforceForeignKeys(true);
        SQLiteDataSource ds = new SQLiteDataSource(config);
        ds.setUrl("jdbc:sqlite:" + dir.resolve(Store.FILE_NAME));
        return ds;
    }

    /** Every row of {@code query}, its columns joined by '|' (NULL as ""). */
    static List<String> rows(Path dir, String query) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(Store.FILE_NAME));
                Statement st = c.createStatement(); ResultSet rs = st.executeQuery(query)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> cols = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    cols.add(rs.getString(i) == null ? "" : rs.getString(i));
                }
                out.add(String.join("|", cols));
            }
        }
        return out;
    }
}
