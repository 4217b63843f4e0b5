package dev.airlock.appliance.enroll;

import dev.airlock.appliance.store.ApplianceInfo;
import dev.airlock.appliance.store.Times;
import dev.airlock.appliance.store.Tx;
import dev.airlock.formats.signature.PublicKey;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** SQL for pinned peers. */
final class TrustRepository {
    private static final String COLUMNS = "id, role, label, public_key, added_at, added_by";

    List<TrustedPeer> all(Tx tx) {
        return tx.handle().createQuery("SELECT " + COLUMNS + " FROM trusted_peer ORDER BY role, label")
                .map((rs, ctx) -> peer(rs)).list();
    }

    Optional<TrustedPeer> byKeyId(Tx tx, String keyId) {
        return tx.handle().createQuery("SELECT " + COLUMNS + " FROM trusted_peer WHERE key_id = :k")
                .bind("k", keyId).map((rs, ctx) -> peer(rs)).findOne();
    }

    Optional<TrustedPeer> byLabel(Tx tx, String label) {
        return tx.handle().createQuery("SELECT " + COLUMNS + " FROM trusted_peer WHERE label = :l COLLATE NOCASE")
                .bind("l", label).map((rs, ctx) -> peer(rs)).findOne();
    }

    long insert(Tx tx, TrustedPeer p) {
        return tx.handle().createUpdate("INSERT INTO trusted_peer (role, label, public_key, key_id, fingerprint,"
                        + " added_at, added_by) VALUES (:role, :label, :pk, :id, :fp, :at, :by)")
                .bind("role", p.role().id())
                .bind("label", p.label())
                .bind("pk", p.publicKey().raw())
                .bind("id", p.keyId().toString())
                .bind("fp", p.fingerprint().digits())
                .bind("at", Times.format(p.added()))
                .bind("by", p.addedBy())
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    boolean delete(Tx tx, long id) {
        return tx.handle().createUpdate("DELETE FROM trusted_peer WHERE id = :id").bind("id", id).execute() == 1;
    }

    private static TrustedPeer peer(ResultSet rs) throws SQLException {
        return new TrustedPeer(rs.getLong(1), ApplianceInfo.Role.of(rs.getString(2)), rs.getString(3),
                PublicKey.ofRaw(rs.getBytes(4)), Times.parse(rs.getString(5)), rs.getString(6));
    }
}
