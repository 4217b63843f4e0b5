package dev.airlock.appliance.store;

import java.nio.file.Path;
import java.util.concurrent.locks.ReentrantLock;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/** One connection to the store file (WAL, foreign keys, busy timeout), opened on first use, one thread at a time. */
final class StoreLane {
    private static final int BUSY_TIMEOUT_MS = 10_000;
    /** Page cache per connection, in KiB (SQLite's default is 2,000). */
    private static final int CACHE_KIB = 16_384;

    private final Jdbi jdbi;
    private final ReentrantLock lock = new ReentrantLock();
    private Handle handle;

    StoreLane(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    <T, X extends Exception> T inTransaction(HandleCallback<T, X> work) throws X {
        lock.lock();
        try {
            if (handle == null) {
                handle = jdbi.open();
            }
            return handle.inTransaction(work);
        } finally {
            lock.unlock();
        }
    }

    void close() {
        lock.lock();
        try {
            if (handle != null) {
                handle.close();
                handle = null;
            }
        } finally {
            lock.unlock();
        }
    }

    /** A lane on {@code file} whose transactions begin as {@code mode} says. */
    static StoreLane on(Path file, SQLiteConfig.TransactionMode mode) {
        Jdbi jdbi = Jdbi.create(dataSource(file, mode));
        jdbi.setStatementBuilderFactory(CachedStatements.FACTORY);
        return new StoreLane(jdbi);
    }

    /** A data source on {@code file} with the store's settings; {@code mode}: how its transactions begin. */
    static SQLiteDataSource dataSource(Path file, SQLiteConfig.TransactionMode mode) {
        NativeSqlite.isolate();
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        // set-based writes stage rows in temp tables (merge, export): keep them in memory, and give a
        // whole 20,000-record bundle's pages room in the cache instead of spilling them mid-transaction
        config.setTempStore(SQLiteConfig.TempStore.MEMORY);
        config.setCacheSize(-CACHE_KIB);
        config.setTransactionMode(mode);
        SQLiteDataSource ds = new SQLiteDataSource(config);
        ds.setUrl("jdbc:sqlite:" + file);
        return ds;
    }
}
