package dev.airlock.appliance.store;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.statement.DefaultStatementBuilder;
import org.jdbi.v3.core.statement.StatementBuilder;
import org.jdbi.v3.core.statement.StatementBuilderFactory;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Keeps a lane's prepared statements open for reuse: the same SQL is prepared once per connection
 * rather than once per call (intake runs about a dozen statements per file). At most
 * {@value #MAX} are kept, least recently used dropped first; a statement still in use when the same
 * SQL comes again (a query inside another's row mapper) gets a fresh one that is closed after use.
 */
final class CachedStatements implements StatementBuilder {
    static final int MAX = 200;
    static final StatementBuilderFactory FACTORY = connection -> new CachedStatements();

    private final StatementBuilder plain = new DefaultStatementBuilder();
    private final Set<Statement> inUse = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    /** The statements of {@link #cache}, by identity (Jdbi closes a statement under its rendered SQL). */
    private final Set<Statement> kept = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    private final Map<String, PreparedStatement> cache = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
            if (size() <= MAX || inUse.contains(eldest.getValue())) {
                return false;
            }
            kept.remove(eldest.getValue());
            closeQuietly(eldest.getValue());
            return true;
        }
    };

    @Override
    public Statement create(Connection conn, StatementContext ctx) throws SQLException {
        return plain.create(conn, ctx);
    }

    @Override
    public PreparedStatement create(Connection conn, String sql, StatementContext ctx) throws SQLException {
        if (ctx.isReturningGeneratedKeys() || ctx.isConcurrentUpdatable()) {
            return plain.create(conn, sql, ctx);
        }
        PreparedStatement cached = cache.get(sql);
        if (cached != null && !cached.isClosed() && !inUse.contains(cached)) {
            inUse.add(cached);
            return cached;
        }
        PreparedStatement fresh = plain.create(conn, sql, ctx);
        if (cached == null || cached.isClosed()) {
            if (cached != null) {
                kept.remove(cached);
            }
            kept.add(fresh);
            inUse.add(fresh);
            cache.put(sql, fresh);
        }
        return fresh;
    }

    @Override
    public CallableStatement createCall(Connection conn, String sql, StatementContext ctx) throws SQLException {
        return plain.createCall(conn, sql, ctx);
    }

    @Override
    public void close(Connection conn, String sql, Statement stmt) throws SQLException {
        if (kept.contains(stmt)) {
            inUse.remove(stmt);
            ((PreparedStatement) stmt).clearParameters();
            return;
        }
        plain.close(conn, sql, stmt);
    }

    @Override
    public void close(Connection conn) {
        cache.values().forEach(CachedStatements::closeQuietly);
        cache.clear();
        kept.clear();
        inUse.clear();
    }

    private static void closeQuietly(Statement s) {
        try {
            s.close();
        } catch (SQLException ignored) {
            // closing a finished statement: nothing to report, the connection stays usable
        }
    }
}
