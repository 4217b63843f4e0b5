package dev.airlock.appliance.inventory;

import dev.airlock.appliance.store.Times;
import dev.airlock.appliance.store.Tx;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * SQL for moving many products' states at once. The set-based path stages the changes in a temp
 * table and moves them with one {@code UPDATE … FROM} that joins {@code temp.product_transition},
 * the state machine's legal (from-state, event) pairs written from {@link ProductStateMachine#rules()},
 * so the legality of a move is still defined in one place.
 */
final class BulkStateRepository {
    private static final int CHUNK = 900;
    private static final int BATCH = 5_000;

    record Current(ProductState state, String iid) {}

    /** A staged change that was not made: its position, and the product's state and IID (empty when gone). */
    record Refused(int seq, Optional<ProductState> state, Optional<String> iid) {}

    /** State and IID of each product in {@code ids} that exists. */
    Map<Long, Current> current(Tx tx, List<Long> ids) {
        Map<Long, Current> out = new HashMap<>(ids.size() * 2);
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            tx.handle().createQuery("SELECT id, state, iid FROM product WHERE id IN (<ids>)")
                    .bindList("ids", chunk)
                    .map((rs, ctx) -> out.put(rs.getLong(1), new Current(ProductState.valueOf(rs.getString(2)),
                            rs.getString(3))))
                    .forEach(x -> { });
        }
        return out;
    }

    /** Sets state, detail and (when non-null) CID for each row: {id, state, detail, cid}. */
    void setStates(Tx tx, List<Object[]> rows, Instant at) {
        PreparedBatch batch = tx.handle().prepareBatch("UPDATE product SET state = ?, state_detail = ?,"
                + " forced_reuse = ?, error_code = ?, cid = COALESCE(?, cid), state_changed_at = ? WHERE id = ?");
        String now = Times.format(at);
        int n = 0;
        for (Object[] r : rows) {
            StateDetail d = (StateDetail) r[2];
            batch.add(r[1], d.words(), DetailColumns.forced(d), DetailColumns.code(d), r[3],
                    now, r[0]);
            if (++n % BATCH == 0) {
                batch.execute();
            }
        }
        if (n % BATCH != 0) {
            batch.execute();
        }
    }

    /**
     * Stages {@code changes} (one per product) in {@code temp.product_change}, in input order, with the
     * transition table beside them; both hold
     * these rows until {@link #unstage}.
     */
    void stage(Tx tx, List<BulkTransitions.Change> changes) {
        Handle h = tx.handle();
        h.execute("CREATE TEMP TABLE IF NOT EXISTS product_transition (from_state TEXT NOT NULL, event TEXT NOT NULL,"
                + " to_state TEXT NOT NULL, PRIMARY KEY (from_state, event)) WITHOUT ROWID");
        h.execute("DELETE FROM temp.product_transition");
        PreparedBatch rules = h.prepareBatch("INSERT INTO temp.product_transition VALUES (?, ?, ?)");
        ProductStateMachine.rules().forEach(r -> rules.add(r.from().name(), r.event().name(), r.to().name()));
        rules.execute();
        h.execute("CREATE TEMP TABLE IF NOT EXISTS product_change (seq INTEGER PRIMARY KEY,"
                + " product_id INTEGER NOT NULL, iid TEXT NOT NULL, event TEXT NOT NULL, state_detail TEXT NOT NULL,"
                + " forced_reuse INTEGER NOT NULL, error_code TEXT, cid TEXT)");
        h.execute("DELETE FROM temp.product_change");
        // one plain JDBC statement: JDBI's per-argument binding cost more than the inserts themselves
        try (java.sql.PreparedStatement st = h.getConnection().prepareStatement(
                "INSERT INTO temp.product_change VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            int seq = 0;
            for (BulkTransitions.Change c : changes) {
                StateDetail d = c.detail();
                st.setInt(1, seq++);
                st.setLong(2, c.productId());
                st.setString(3, c.iid().digits());
                st.setString(4, c.event().name());
                st.setString(5, d.words());
                st.setInt(6, DetailColumns.forced(d));
                st.setString(7, DetailColumns.code(d));
                st.setString(8, c.cid().map(dev.airlock.formats.ids.ConfirmationId::digits).orElse(null));
                st.addBatch();
                if (seq % BATCH == 0) {
                    st.executeBatch();
                }
            }
            if (seq % BATCH != 0) {
                st.executeBatch();
            }
        } catch (java.sql.SQLException e) {
            throw new org.jdbi.v3.core.statement.UnableToExecuteStatementException(e, null);
        }
    }

    /** The staged changes that cannot be made (product gone, another IID, or no such transition), in input order. */
    List<Refused> refused(Tx tx) {
        List<Refused> out = new ArrayList<>();
        tx.handle().createQuery("SELECT c.seq, p.state, p.iid FROM temp.product_change c"
                        + " LEFT JOIN product p ON p.id = c.product_id"
                        + " LEFT JOIN temp.product_transition t ON t.from_state = p.state AND t.event = c.event"
                        + " WHERE p.id IS NULL OR p.iid <> c.iid OR t.to_state IS NULL ORDER BY c.seq")
                .map((rs, ctx) -> out.add(new Refused(rs.getInt(1),
                        Optional.ofNullable(rs.getString(2)).map(ProductState::valueOf),
                        Optional.ofNullable(rs.getString(3)))))
                .forEach(x -> { });
        return out;
    }

    /** Moves every staged change the transition table allows, in one statement; returns how many moved. */
    int moveStaged(Tx tx, Instant at) {
        return tx.handle().createUpdate("UPDATE product SET state = t.to_state, state_detail = c.state_detail,"
                        + " forced_reuse = c.forced_reuse, error_code = c.error_code,"
                        + " cid = COALESCE(c.cid, product.cid), state_changed_at = :now"
                        + " FROM temp.product_change c JOIN temp.product_transition t ON t.event = c.event"
                        + " WHERE product.id = c.product_id AND product.iid = c.iid AND t.from_state = product.state")
                .bind("now", Times.format(at)).execute();
    }

    /** Empties the staging tables, so no staged row outlives the caller's work. */
    void unstage(Tx tx) {
        tx.handle().execute("DELETE FROM temp.product_change");
        tx.handle().execute("DELETE FROM temp.product_transition");
    }
}
