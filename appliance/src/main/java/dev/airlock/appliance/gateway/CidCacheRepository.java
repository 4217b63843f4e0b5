package dev.airlock.appliance.gateway;

import dev.airlock.appliance.store.Times;
import dev.airlock.appliance.store.Tx;
import java.time.Instant;
import java.util.Optional;

/** SQL of the CID cache ({@code gateway_cid_cache}, V4): one row per (IID, ePID). */
final class CidCacheRepository {
    enum State { IN_FLIGHT, CID, ERROR }

    /** One cached row. */
    record Cached(State state, String cid, Integer errorCode, String errorText, String source, int calls) {}

    Optional<Cached> find(Tx tx, String iid, String epid) {
        return tx.handle().createQuery("SELECT state, cid, error_code, error_text, source, calls FROM gateway_cid_cache"
                        + " WHERE iid = :iid AND epid = :epid")
                .bind("iid", iid)
                .bind("epid", epid)
                .map((rs, ctx) -> new Cached(State.valueOf(rs.getString(1)), rs.getString(2),
                        rs.getObject(3) == null ? null : (int) rs.getLong(3), rs.getString(4), rs.getString(5),
                        rs.getInt(6)))
                .findOne();
    }

    /** Touches the table, so an unreadable cache is found before anything is asked. */
    long count(Tx tx) {
        return tx.handle().createQuery("SELECT count(*) FROM gateway_cid_cache").mapTo(Long.class).one();
    }

    /** Rows per state (every state present, zero-filled). */
    java.util.Map<State, Long> countsByState(Tx tx) {
        java.util.Map<State, Long> out = new java.util.EnumMap<>(State.class);
        for (State s : State.values()) {
            out.put(s, 0L);
        }
        tx.handle().createQuery("SELECT state, count(*) FROM gateway_cid_cache GROUP BY state")
                .map((rs, ctx) -> out.put(State.valueOf(rs.getString(1)), rs.getLong(2)))
                .forEach(x -> { });
        return out;
    }

    /** Marks the pair as asked right now (the caller commits before sending). */
    void markInFlight(Tx tx, String iid, String epid, Instant now) {
        tx.handle().createUpdate("INSERT INTO gateway_cid_cache (iid, epid, state, source, calls, updated_at)"
                        + " VALUES (:iid, :epid, 'IN_FLIGHT', 'online', 1, :now)"
                        + " ON CONFLICT (iid, epid) DO UPDATE SET state = 'IN_FLIGHT', cid = NULL, error_code = NULL,"
                        + " error_text = NULL, source = 'online', calls = calls + 1, updated_at = :now")
                .bind("iid", iid)
                .bind("epid", epid)
                .bind("now", Times.format(now))
                .execute();
    }

    void storeCid(Tx tx, String iid, String epid, String cid, String source, Instant now) {
        tx.handle().createUpdate("INSERT INTO gateway_cid_cache (iid, epid, state, cid, source, calls, updated_at)"
                        + " VALUES (:iid, :epid, 'CID', :cid, :source, 0, :now)"
                        + " ON CONFLICT (iid, epid) DO UPDATE SET state = 'CID', cid = :cid, error_code = NULL,"
                        + " error_text = NULL, source = :source, updated_at = :now")
                .bind("iid", iid)
                .bind("epid", epid)
                .bind("cid", cid)
                .bind("source", source)
                .bind("now", Times.format(now))
                .execute();
    }

    void storeError(Tx tx, String iid, String epid, int code, String text, Instant now) {
        tx.handle().createUpdate("INSERT INTO gateway_cid_cache (iid, epid, state, error_code, error_text, source,"
                        + " calls, updated_at) VALUES (:iid, :epid, 'ERROR', :code, :text, 'online', 0, :now)"
                        + " ON CONFLICT (iid, epid) DO UPDATE SET state = 'ERROR', cid = NULL, error_code = :code,"
                        + " error_text = :text, updated_at = :now")
                .bind("iid", iid)
                .bind("epid", epid)
                .bind("code", Integer.toUnsignedLong(code))
                .bind("text", text)
                .bind("now", Times.format(now))
                .execute();
    }

    /** Removes an in-flight mark after a call that provably produced no answer (nothing was spent). */
    void release(Tx tx, String iid, String epid) {
        tx.handle().createUpdate("DELETE FROM gateway_cid_cache WHERE iid = :iid AND epid = :epid"
                        + " AND state = 'IN_FLIGHT'")
                .bind("iid", iid)
                .bind("epid", epid)
                .execute();
    }
}
