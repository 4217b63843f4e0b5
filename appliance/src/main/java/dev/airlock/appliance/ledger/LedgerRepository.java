package dev.airlock.appliance.ledger;

import dev.airlock.appliance.store.Times;
import dev.airlock.appliance.store.Tx;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.statement.PreparedBatch;

/** SQL for the bundle ledger. */
final class LedgerRepository {
    private static final int BATCH = 5_000;
    private static final String OUT_COLUMNS = "id, digest, created_at, file_name, record_count, answered, state,"
            + " exported_by";
    private static final String IN_COLUMNS = "id, request_id, digest, signer, created_at, file_name, merged_at,"
            + " merged_by, cids, errors, skipped, counts";

    void insertOutbound(Tx tx, OutboundBundle b, byte[] envelope) {
        tx.handle().createUpdate("INSERT INTO outbound_bundle (id, digest, envelope, created_at, file_name,"
                        + " record_count, answered, state, exported_by) VALUES (:id, :digest, :env, :created, :file,"
                        + " :records, 0, :state, :by)")
                .bind("id", b.id()).bind("digest", b.digest()).bind("env", envelope)
                .bind("created", Times.format(b.created())).bind("file", b.fileName()).bind("records", b.records())
                .bind("state", b.state().name()).bind("by", b.exportedBy())
                .execute();
    }

    /** The lab-side map of a new request, in batches on one plain JDBC statement (JDBI's per-argument binding costs more than the insert). */
    void insertReferences(Tx tx, String bundleId, Map<Integer, Long> refs) {
        try (java.sql.PreparedStatement st = tx.handle().getConnection().prepareStatement(
                "INSERT INTO outbound_reference (bundle_id, reference, product_id) VALUES (?, ?, ?)")) {
            int n = 0;
            for (Map.Entry<Integer, Long> e : refs.entrySet()) {
                st.setString(1, bundleId);
                st.setInt(2, e.getKey());
                st.setLong(3, e.getValue());
                st.addBatch();
                if (++n % BATCH == 0) {
                    st.executeBatch();
                }
            }
            if (n % BATCH != 0) {
                st.executeBatch();
            }
        } catch (SQLException e) {
            throw new org.jdbi.v3.core.statement.UnableToExecuteStatementException(e, null);
        }
    }

    Optional<OutboundBundle> outbound(Tx tx, String id) {
        return tx.handle().createQuery("SELECT " + OUT_COLUMNS + " FROM outbound_bundle WHERE id = :id")
                .bind("id", id).map((rs, ctx) -> outbound(rs)).findOne();
    }

    boolean hasOutboundDigest(Tx tx, String digest) {
        return tx.handle().createQuery("SELECT 1 FROM outbound_bundle WHERE digest = :d")
                .bind("d", digest).mapTo(Integer.class).findOne().isPresent();
    }

    Set<String> outboundFileNames(Tx tx) {
        return tx.handle().createQuery("SELECT file_name FROM outbound_bundle").mapTo(String.class)
                .collect(Collectors.toSet());
    }

    Optional<byte[]> envelope(Tx tx, String id) {
        return tx.handle().createQuery("SELECT envelope FROM outbound_bundle WHERE id = :id")
                .bind("id", id).map((rs, ctx) -> rs.getBytes(1)).findOne();
    }

    /** Reference value → (product id, answered?) for one request. */
    Map<Integer, long[]> references(Tx tx, String bundleId) {
        Map<Integer, long[]> out = new HashMap<>();
        tx.handle().createQuery("SELECT reference, product_id, answered_by IS NOT NULL FROM outbound_reference"
                        + " WHERE bundle_id = :id")
                .bind("id", bundleId).setFetchSize(5_000)
                .map((rs, ctx) -> out.put(rs.getInt(1), new long[] {rs.getLong(2), rs.getInt(3)}))
                .forEach(x -> { });
        return out;
    }

    /**
     * Marks {@code refs} of one request answered by {@code responseId} (those not answered before):
     * the references go into a temp table, then one {@code UPDATE … FROM} marks them.
     */
    void markAnswered(Tx tx, String bundleId, List<Integer> refs, String responseId) {
        org.jdbi.v3.core.Handle h = tx.handle();
        h.execute("CREATE TEMP TABLE IF NOT EXISTS answered_reference (reference INTEGER PRIMARY KEY)");
        h.execute("DELETE FROM temp.answered_reference");
        PreparedBatch batch = h.prepareBatch("INSERT OR IGNORE INTO temp.answered_reference VALUES (?)");
        int n = 0;
        for (Integer ref : refs) {
            batch.add(ref);
            if (++n % BATCH == 0) {
                batch.execute();
            }
        }
        if (n % BATCH != 0) {
            batch.execute();
        }
        h.createUpdate("UPDATE outbound_reference SET answered_by = :resp FROM temp.answered_reference a"
                        + " WHERE outbound_reference.bundle_id = :id AND outbound_reference.reference = a.reference"
                        + " AND outbound_reference.answered_by IS NULL")
                .bind("resp", responseId).bind("id", bundleId).execute();
        h.execute("DELETE FROM temp.answered_reference");
    }

    void updateOutboundState(Tx tx, String id, int answered, OutboundBundle.State state) {
        tx.handle().createUpdate("UPDATE outbound_bundle SET answered = :a, state = :s WHERE id = :id")
                .bind("a", answered).bind("s", state.name()).bind("id", id).execute();
    }

    void insertInbound(Tx tx, InboundBundle b) {
        tx.handle().createUpdate("INSERT INTO inbound_bundle (" + IN_COLUMNS + ") VALUES (:id, :req, :digest, :signer,"
                        + " :created, :file, :merged, :by, :cids, :errors, :skipped, :counts)")
                .bind("id", b.id()).bind("req", b.requestId()).bind("digest", b.digest()).bind("signer", b.signer())
                .bind("created", Times.format(b.created())).bind("file", b.fileName())
                .bind("merged", Times.format(b.merged())).bind("by", b.mergedBy()).bind("cids", b.cids())
                .bind("errors", b.errors()).bind("skipped", b.skipped()).bind("counts", b.counts())
                .execute();
    }

    Optional<InboundBundle> inbound(Tx tx, String id, String digest) {
        return tx.handle().createQuery("SELECT " + IN_COLUMNS + " FROM inbound_bundle WHERE id = :id OR digest = :d"
                        + " LIMIT 1")
                .bind("id", id).bind("d", digest).map((rs, ctx) -> inbound(rs)).findOne();
    }

    List<OutboundBundle> outboundAll(Tx tx) {
        return tx.handle().createQuery("SELECT " + OUT_COLUMNS + " FROM outbound_bundle ORDER BY created_at, id")
                .map((rs, ctx) -> outbound(rs)).list();
    }

    List<InboundBundle> inboundAll(Tx tx) {
        return tx.handle().createQuery("SELECT " + IN_COLUMNS + " FROM inbound_bundle ORDER BY merged_at, id")
                .map((rs, ctx) -> inbound(rs)).list();
    }

    private static OutboundBundle outbound(ResultSet rs) throws SQLException {
        return new OutboundBundle(rs.getString(1), rs.getString(2), Times.parse(rs.getString(3)), rs.getString(4),
                rs.getInt(5), rs.getInt(6), OutboundBundle.State.valueOf(rs.getString(7)), rs.getString(8));
    }

    private static InboundBundle inbound(ResultSet rs) throws SQLException {
        return new InboundBundle(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                Times.parse(rs.getString(5)), rs.getString(6), Times.parse(rs.getString(7)), rs.getString(8),
                rs.getInt(9), rs.getInt(10), rs.getInt(11), rs.getInt(12));
    }
}
