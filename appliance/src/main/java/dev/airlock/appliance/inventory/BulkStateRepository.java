package dev.airlock.appliance.inventory;

import dev.airlock.appliance.store.Times;
import dev.airlock.appliance.store.Tx;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.statement.PreparedBatch;

/** SQL for moving many products' states at once. */
final class BulkStateRepository {
    private static final int CHUNK = 900;
    private static final int BATCH = 5_000;

    record Current(ProductState state, String iid) {}

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
}
