package dev.airlock.appliance.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jdbi.v3.core.JdbiException;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The appliance's one SQLite file under the data dir. Opens in WAL mode with foreign keys and a
 * busy timeout, migrates the schema with Flyway, and runs work in transactions. Thread-safe:
 * one long-lived connection for writes and one for reads, each used by one thread at a time
 * (keeping them open spares a WAL checkpoint per transaction). Close it when done.
 */
public final class Store implements AutoCloseable {
    /** The database file's name inside the data dir. */
    public static final String FILE_NAME = "airlock.db";
    /** The newest migration under {@code db/migration}; bump it with every new V<n>__*.sql. */
    public static final int SCHEMA_VERSION = 10;

    private final Path dataDir;
    private final Path file;
    private final StoreErrors errors;
    private final StoreLane writer;
    private final StoreLane reader;

    private Store(Path dataDir) {
        this.dataDir = dataDir;
        this.file = dataDir.resolve(FILE_NAME);
        this.errors = new StoreErrors(dataDir, file);
        this.writer = StoreLane.on(file, SQLiteConfig.TransactionMode.IMMEDIATE);
        this.reader = StoreLane.on(file, SQLiteConfig.TransactionMode.DEFERRED);
    }

    /** Closes both connections (SQLite checkpoints the WAL when the last one closes). */
    @Override
    public void close() {
        try {
            reader.close();
            writer.close();
        } catch (JdbiException e) {
            throw translate(e);
        }
    }

    /** Whether {@code dataDir} already holds a store. */
    public static boolean exists(Path dataDir) {
        return Files.exists(dataDir.resolve(FILE_NAME));
    }

    /**
     * Loads what the first open of a store needs (sqlite-jdbc's native library, Jdbi's configuration
     * and statement machinery against an in-memory database, touching no file; the security
     * providers). A short command runs
     * this on its second core while it reads its command line, so its real open finds them loaded
     * (they were about a third of a cold {@code status}); any failure is left for the real open to
     * report.
     */
    public static void warmUp() {
        try {
            NativeSqlite.isolate();
            SQLiteDataSource memory = new SQLiteDataSource();
            memory.setUrl("jdbc:sqlite::memory:");
            org.jdbi.v3.core.Jdbi.create(memory).withHandle(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one());
            new java.security.SecureRandom().nextInt(); // the security providers: an open makes its services' generators
        } catch (RuntimeException | LinkageError e) {
            // the real open says what is wrong
        }
    }

    /** Opens the store in {@code dataDir}, applying any newer migrations. */
    public static Store open(Path dataDir) {
        Path dir = dataDir.toAbsolutePath().normalize();
        if (!exists(dir)) {
            throw new StoreMissingException("no Airlock data store in " + dir
                    + ": run ./airlock init first (or point --data / AIRLOCK_DATA at an existing one)");
        }
        Store store = new Store(dir);
        store.migrate();
        return store;
    }

    /**
     * Creates a new store in {@code dataDir}: schema, the appliance row and whatever
     * {@code firstWrites} adds (the audit log's first row), all in one transaction; on failure
     * nothing is left behind. Refuses to overwrite.
     */
    public static Store create(Path dataDir, ApplianceInfo info, FirstWrites firstWrites) {
        Path dir = dataDir.toAbsolutePath().normalize();
        if (exists(dir)) {
            throw new StoreException("a data store already exists in " + dir
                    + "; refusing to overwrite it (choose another --data dir, or keep using this one)");
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new StoreException("cannot create the data dir " + dir + ": " + StoreErrors.reason(e), e);
        }
        Store store = new Store(dir);
        try {
            store.migrate();
            store.execute(tx -> {
                tx.handle().createUpdate("INSERT INTO appliance (singleton, appliance_id, role, display_name, created_at)"
                                + " VALUES (1, :id, :role, :name, :created)")
                        .bind("id", info.applianceId())
                        .bind("role", info.role().id())
                        .bind("name", info.displayName())
                        .bind("created", Times.format(info.created()))
                        .execute();
                firstWrites.accept(store, tx);
            });
        } catch (RuntimeException e) {
            try {
                store.close();
            } catch (RuntimeException ignored) {
                // the creation failure below is what the operator needs to see
            }
            deleteQuietly(dir);
            throw e;
        }
        return store;
    }

    private static void deleteQuietly(Path dir) {
        for (String name : new String[] {FILE_NAME, FILE_NAME + "-wal", FILE_NAME + "-shm", FILE_NAME + "-journal"}) {
            try {
                Files.deleteIfExists(dir.resolve(name));
            } catch (IOException ignored) {
                // best effort: a half-created store is reported by the caller's exception
            }
        }
    }

    private void migrate() {
        if (schemaIsCurrent()) {
            return; // Flyway's scan costs half a second per command; skip it when nothing is pending.
        }
        try {
            Flyway.configure(Store.class.getClassLoader())
                    .dataSource(writerDataSource())
                    .locations("classpath:db/migration")
                    .failOnMissingLocations(true)
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw translate(e);
        }
    }

    /** Whether the newest successful migration is {@link #SCHEMA_VERSION} (checked against the files by a test). */
    private boolean schemaIsCurrent() {
        try {
            return reader.inTransaction(h -> h.createQuery("SELECT count(*) FROM sqlite_master WHERE type = 'table'"
                            + " AND name = 'flyway_schema_history'").mapTo(Integer.class).one() == 1
                    && h.createQuery("SELECT COALESCE(MAX(CAST(version AS INTEGER)), 0) FROM flyway_schema_history"
                            + " WHERE success = 1").mapTo(Integer.class).one() == SCHEMA_VERSION);
        } catch (JdbiException e) {
            return false; // let Flyway open it and report what is wrong
        }
    }

    private SQLiteDataSource writerDataSource() {
        return StoreLane.dataSource(file, SQLiteConfig.TransactionMode.IMMEDIATE);
    }

    /** Runs {@code work} in one write transaction: all of it lands, or none of it. */
    public <T, X extends Exception> T inTransaction(TxFunction<T, X> work) throws X {
        Objects.requireNonNull(work);
        try {
            return writer.inTransaction(h -> work.apply(new Tx(h)));
        } catch (JdbiException e) {
            throw translate(e);
        }
    }

    /** Runs {@code work} in one write transaction (no result). */
    public <X extends Exception> void execute(TxConsumer<X> work) throws X {
        this.<Void, X>inTransaction(tx -> {
            work.accept(tx);
            return null;
        });
    }

    /** Runs read-only {@code work} on a consistent snapshot. */
    public <T, X extends Exception> T read(TxFunction<T, X> work) throws X {
        try {
            return reader.inTransaction(h -> work.apply(new Tx(h)));
        } catch (JdbiException e) {
            throw translate(e);
        }
    }

    /** This appliance's identity row. */
    public ApplianceInfo applianceInfo() {
        return read(tx -> tx.handle().createQuery("SELECT appliance_id, role, display_name, created_at FROM appliance")
                .map((rs, ctx) -> new ApplianceInfo(rs.getString(1), ApplianceInfo.Role.of(rs.getString(2)),
                        rs.getString(3), Instant.parse(rs.getString(4))))
                .one());
    }

    /** The data dir this store lives in. */
    public Path dataDir() {
        return dataDir;
    }

    /** The database file. */
    public Path file() {
        return file;
    }

    /** Turns SQLite's and the file system's failures into messages a technician can act on. */
    StoreException translate(RuntimeException e) {
        return errors.translate(e);
    }

    /** The first rows of a new store, written in its creating transaction. */
    @FunctionalInterface
    public interface FirstWrites {
        void accept(Store created, Tx tx);
    }

    /** Work that returns a value inside a transaction. */
    @FunctionalInterface
    public interface TxFunction<T, X extends Exception> {
        T apply(Tx tx) throws X;
    }

    /** Work inside a transaction. */
    @FunctionalInterface
    public interface TxConsumer<X extends Exception> {
        void accept(Tx tx) throws X;
    }
}
