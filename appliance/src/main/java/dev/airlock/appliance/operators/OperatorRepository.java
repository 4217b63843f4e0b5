package dev.airlock.appliance.operators;

import dev.airlock.appliance.keys.OfflineCrypto;
import dev.airlock.appliance.store.Times;
import dev.airlock.appliance.store.Tx;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** SQL for the operator table. Only active operators (not removed) are found. */
final class OperatorRepository {
    private static final String COLUMNS = "id, name, role, created_at, pin_kdf_memory_kib, pin_kdf_iterations,"
            + " pin_salt, pin_hash, failures, lockouts, locked_until";

    /** One operator row with its PIN hash and counters. */
    record Row(Operator operator, OfflineCrypto.Cost cost, byte[] salt, byte[] hash, int failures, int lockouts,
            Optional<Instant> lockedUntil) {}

    List<Operator> list(Tx tx) {
        return tx.handle().createQuery("SELECT " + COLUMNS + " FROM operator WHERE removed_at IS NULL"
                        + " ORDER BY name COLLATE NOCASE, id")
                .map((rs, ctx) -> row(rs).operator())
                .list();
    }

    boolean any(Tx tx) {
        return tx.handle().createQuery("SELECT count(*) FROM operator WHERE removed_at IS NULL")
                .mapTo(Long.class).one() > 0;
    }

    Optional<Row> find(Tx tx, long id) {
        return tx.handle().createQuery("SELECT " + COLUMNS + " FROM operator WHERE id = :id AND removed_at IS NULL")
                .bind("id", id)
                .map((rs, ctx) -> row(rs))
                .findOne();
    }

    Optional<Row> findByName(Tx tx, String name) {
        return tx.handle().createQuery("SELECT " + COLUMNS + " FROM operator WHERE name = :name COLLATE NOCASE"
                        + " AND removed_at IS NULL")
                .bind("name", name)
                .map((rs, ctx) -> row(rs))
                .findOne();
    }

    long activeSupervisors(Tx tx) {
        return tx.handle().createQuery("SELECT count(*) FROM operator WHERE role = 'supervisor'"
                        + " AND removed_at IS NULL")
                .mapTo(Long.class).one();
    }

    long insert(Tx tx, String name, OperatorRole role, OfflineCrypto.Cost cost, byte[] salt, byte[] hash,
            Instant at, String by) {
        return tx.handle().createUpdate("INSERT INTO operator (name, role, pin_kdf_memory_kib, pin_kdf_iterations,"
                        + " pin_salt, pin_hash, created_at, created_by) VALUES (:name, :role, :m, :t, :salt, :hash,"
                        + " :at, :by)")
                .bind("name", name)
                .bind("role", role.id())
                .bind("m", cost.memoryKiB())
                .bind("t", cost.iterations())
                .bind("salt", salt)
                .bind("hash", hash)
                .bind("at", Times.format(at))
                .bind("by", by)
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one();
    }

    void markRemoved(Tx tx, long id, Instant at, String by) {
        tx.handle().createUpdate("UPDATE operator SET removed_at = :at, removed_by = :by WHERE id = :id")
                .bind("id", id)
                .bind("at", Times.format(at))
                .bind("by", by)
                .execute();
    }

    /** Sets a new PIN hash and clears wrong PINs and lockouts. */
    void updatePin(Tx tx, long id, OfflineCrypto.Cost cost, byte[] salt, byte[] hash) {
        tx.handle().createUpdate("UPDATE operator SET pin_kdf_memory_kib = :m, pin_kdf_iterations = :t,"
                        + " pin_salt = :salt, pin_hash = :hash, failures = 0, lockouts = 0, locked_until = NULL"
                        + " WHERE id = :id")
                .bind("id", id)
                .bind("m", cost.memoryKiB())
                .bind("t", cost.iterations())
                .bind("salt", salt)
                .bind("hash", hash)
                .execute();
    }

    void setCounters(Tx tx, long id, int failures, int lockouts, Optional<Instant> lockedUntil) {
        tx.handle().createUpdate("UPDATE operator SET failures = :f, lockouts = :l, locked_until = :until"
                        + " WHERE id = :id")
                .bind("id", id)
                .bind("f", failures)
                .bind("l", lockouts)
                .bind("until", lockedUntil.map(Times::format).orElse(null))
                .execute();
    }

    private static Row row(ResultSet rs) throws SQLException {
        Operator op = new Operator(rs.getLong(1), rs.getString(2), OperatorRole.ofId(rs.getString(3)),
                Times.parse(rs.getString(4)));
        return new Row(op, new OfflineCrypto.Cost(rs.getInt(5), rs.getInt(6)), rs.getBytes(7), rs.getBytes(8),
                rs.getInt(9), rs.getInt(10), Optional.ofNullable(rs.getString(11)).map(Times::parse));
    }
}
