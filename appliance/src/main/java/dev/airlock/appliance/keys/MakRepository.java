package dev.airlock.appliance.keys;

import dev.airlock.appliance.store.Times;
import dev.airlock.appliance.store.Tx;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** SQL for the MAK vault. */
final class MakRepository {
    private static final String COLUMNS = "id, partial_key, description, added_at, added_by, remaining_count,"
            + " remaining_learned_at";

    List<MakEntry> all(Tx tx) {
        return tx.handle().createQuery("SELECT " + COLUMNS + " FROM mak ORDER BY id").map((rs, ctx) -> entry(rs)).list();
    }

    Optional<MakEntry> byId(Tx tx, long id) {
        return tx.handle().createQuery("SELECT " + COLUMNS + " FROM mak WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> entry(rs)).findOne();
    }

    /** The sealed key of MAK {@code id}. */
    Optional<byte[]> sealed(Tx tx, long id) {
        return tx.handle().createQuery("SELECT sealed_key FROM mak WHERE id = :id").bind("id", id)
                .mapTo(byte[].class).findOne();
    }

    /** Every (id, sealed key), to find a duplicate. */
    List<Sealed> allSealed(Tx tx) {
        return tx.handle().createQuery("SELECT id, sealed_key FROM mak ORDER BY id")
                .map((rs, ctx) -> new Sealed(rs.getLong(1), rs.getBytes(2))).list();
    }

    record Sealed(long id, byte[] blob) {}

    /** Inserts a row without its sealed key yet (the key's associated data names the row id). */
    long insert(Tx tx, String partialKey, String description, Instant at, String by) {
        return tx.handle().createUpdate("INSERT INTO mak (sealed_key, partial_key, description, added_at, added_by)"
                        + " VALUES (x'', :partial, :description, :at, :by)")
                .bind("partial", partialKey)
                .bind("description", description)
                .bind("at", Times.format(at))
                .bind("by", by)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    void setSealed(Tx tx, long id, byte[] blob) {
        tx.handle().createUpdate("UPDATE mak SET sealed_key = :blob WHERE id = :id").bind("blob", blob).bind("id", id)
                .execute();
    }

    boolean updateRemaining(Tx tx, long id, int count, Instant learned) {
        return tx.handle().createUpdate("UPDATE mak SET remaining_count = :n, remaining_learned_at = :at WHERE id = :id")
                .bind("n", count).bind("at", Times.format(learned)).bind("id", id).execute() == 1;
    }

    boolean delete(Tx tx, long id) {
        return tx.handle().createUpdate("DELETE FROM mak WHERE id = :id").bind("id", id).execute() == 1;
    }

    private static MakEntry entry(ResultSet rs) throws SQLException {
        int remaining = rs.getInt(6);
        OptionalInt count = rs.wasNull() ? OptionalInt.empty() : OptionalInt.of(remaining);
        String learned = rs.getString(7);
        return new MakEntry(rs.getLong(1), rs.getString(2), rs.getString(3), Times.parse(rs.getString(4)),
                rs.getString(5), count, Optional.ofNullable(learned).map(Times::parse));
    }
}
