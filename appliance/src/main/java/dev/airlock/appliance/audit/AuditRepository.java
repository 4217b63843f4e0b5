package dev.airlock.appliance.audit;

import dev.airlock.appliance.store.Times;
import dev.airlock.appliance.store.Tx;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jdbi.v3.core.result.ResultIterable;

/** SQL for the audit log. */
final class AuditRepository {
    record Head(long seq, String hash) {}

    Optional<Head> head(Tx tx) {
        return tx.handle().createQuery("SELECT seq, hash FROM audit_head WHERE singleton = 1")
                .map((rs, ctx) -> new Head(rs.getLong(1), rs.getString(2)))
                .findOne();
    }

    /** Whether the appliance row exists: every set-up store logged at least its set-up. */
    boolean applianceIsSetUp(Tx tx) {
        return tx.handle().createQuery("SELECT count(*) FROM appliance").mapTo(Integer.class).one() > 0;
    }

    void insert(Tx tx, AuditEntry e) {
        tx.handle().createUpdate("INSERT INTO audit_log (seq, at, operator, action, subject, details, prev_hash, hash)"
                        + " VALUES (:seq, :at, :operator, :action, :subject, :details, :prev, :hash)")
                .bind("seq", e.seq())
                .bind("at", Times.format(e.at()))
                .bind("operator", e.operator())
                .bind("action", e.action())
                .bind("subject", e.subject())
                .bind("details", e.details())
                .bind("prev", e.prevHash())
                .bind("hash", e.hash())
                .execute();
        tx.handle().createUpdate("INSERT INTO audit_head (singleton, seq, hash) VALUES (1, :seq, :hash)"
                        + " ON CONFLICT (singleton) DO UPDATE SET seq = excluded.seq, hash = excluded.hash")
                .bind("seq", e.seq())
                .bind("hash", e.hash())
                .execute();
    }

    /** Streams every row in seq order to {@code sink}. */
    void forEach(Tx tx, Consumer<RawRow> sink) {
        ResultIterable<RawRow> rows = tx.handle()
                .createQuery("SELECT seq, at, operator, action, subject, details, prev_hash, hash FROM audit_log"
                        + " ORDER BY seq")
                .setFetchSize(500)
                .map((rs, ctx) -> new RawRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)));
        rows.forEach(sink); // closes the result set when done
    }

    List<AuditEntry> recent(Tx tx, int limit, String subjectPrefix) {
        return tx.handle().createQuery("SELECT seq, at, operator, action, subject, details, prev_hash, hash"
                        + " FROM audit_log WHERE (:prefix = '' OR subject = :prefix OR subject LIKE :like)"
                        + " ORDER BY seq DESC LIMIT :limit")
                .bind("prefix", subjectPrefix)
                .bind("like", subjectPrefix + " %")
                .bind("limit", limit)
                .map((rs, ctx) -> new AuditEntry(rs.getLong(1), Instant.parse(rs.getString(2)), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)))
                .list();
    }

    List<AuditEntry> about(Tx tx, List<String> subjects, int limit) {
        return tx.handle().createQuery("SELECT seq, at, operator, action, subject, details, prev_hash, hash"
                        + " FROM audit_log WHERE subject IN (<subjects>) ORDER BY seq DESC LIMIT :limit")
                .bindList("subjects", subjects)
                .bind("limit", limit)
                .map((rs, ctx) -> new AuditEntry(rs.getLong(1), Instant.parse(rs.getString(2)), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)))
                .list();
    }

    void insertSignedHead(Tx tx, SignedHead h) {
        tx.handle().createUpdate("INSERT INTO audit_signed_head (row_count, last_hash, signed_at, key_fingerprint,"
                        + " signature) VALUES (:rows, :hash, :at, :fp, :sig)")
                .bind("rows", h.rows())
                .bind("hash", h.lastHash())
                .bind("at", Times.format(h.signedAt()))
                .bind("fp", h.keyFingerprint())
                .bind("sig", h.signature())
                .execute();
    }

    /** Every signed head, oldest (fewest rows) first; a row edited into something unreadable says why. */
    List<StoredHead> signedHeads(Tx tx) {
        return tx.handle().createQuery("SELECT row_count, last_hash, signed_at, key_fingerprint, signature"
                        + " FROM audit_signed_head ORDER BY row_count")
                .map((rs, ctx) -> StoredHead.of(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getBytes(5)))
                .list();
    }

    Optional<SignedHead> lastSignedHead(Tx tx) {
        return tx.handle().createQuery("SELECT row_count, last_hash, signed_at, key_fingerprint, signature"
                        + " FROM audit_signed_head ORDER BY row_count DESC LIMIT 1")
                .map((rs, ctx) -> StoredHead.of(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getBytes(5)))
                .findOne()
                .flatMap(StoredHead::head);
    }

    /** A signed-head row as read: the head, or (when a field was edited into something unreadable) why not. */
    record StoredHead(long rows, Optional<SignedHead> head, String unreadable) {
        static StoredHead of(long rows, String hash, String at, String fingerprint, byte[] signature) {
            try {
                return new StoredHead(rows, Optional.of(new SignedHead(rows, hash, Times.parse(at), fingerprint,
                        signature == null ? new byte[0] : signature)), "");
            } catch (RuntimeException e) {
                return new StoredHead(rows, Optional.empty(), e.getMessage() == null ? "unreadable" : e.getMessage());
            }
        }
    }

    /** A row exactly as stored (times as text, so the hash is checked over the stored bytes). */
    record RawRow(long seq, String at, String operator, String action, String subject, String details,
            String prevHash, String hash) {}
}
