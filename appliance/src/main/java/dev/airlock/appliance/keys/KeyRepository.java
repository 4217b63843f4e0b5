package dev.airlock.appliance.keys;

import dev.airlock.appliance.store.Times;
import dev.airlock.appliance.store.Tx;
import java.time.Instant;
import java.util.Optional;

/** SQL for the keyring (passphrase verifier and failure counter) and the own key pair. */
final class KeyRepository {

    /** The keyring row. */
    record Keyring(KdfParams params, byte[] salt, byte[] verifier, int failures, Optional<Instant> nextTryAt) {}

    /** The own key row; the seed stays sealed. */
    record OwnKey(byte[] publicKey, byte[] sealedSeed, Instant created, String createdBy) {}

    Optional<Keyring> keyring(Tx tx) {
        return tx.handle().createQuery("SELECT kdf_memory_kib, kdf_iterations, kdf_lanes, kdf_salt, verifier, failures,"
                        + " next_try_at FROM keyring")
                .map((rs, ctx) -> new Keyring(new KdfParams(rs.getInt(1), rs.getInt(2), rs.getInt(3)), rs.getBytes(4),
                        rs.getBytes(5), rs.getInt(6),
                        Optional.ofNullable(rs.getString(7)).map(Times::parse)))
                .findOne();
    }

    void insertKeyring(Tx tx, KdfParams params, byte[] salt, byte[] verifier, Instant created) {
        tx.handle().createUpdate("INSERT INTO keyring (singleton, kdf, kdf_memory_kib, kdf_iterations, kdf_lanes,"
                        + " kdf_salt, verifier, created_at) VALUES (1, 'argon2id', :m, :t, :p, :salt, :verifier, :at)")
                .bind("m", params.memoryKiB())
                .bind("t", params.iterations())
                .bind("p", params.lanes())
                .bind("salt", salt)
                .bind("verifier", verifier)
                .bind("at", Times.format(created))
                .execute();
    }

    /** Counts one more wrong passphrase; returns the new count. */
    int recordFailure(Tx tx, Instant at, Optional<Instant> nextTry, int failures) {
        tx.handle().createUpdate("UPDATE keyring SET failures = :n, last_failure_at = :at, next_try_at = :next")
                .bind("n", failures)
                .bind("at", Times.format(at))
                .bind("next", nextTry.map(Times::format).orElse(null))
                .execute();
        return failures;
    }

    int failures(Tx tx) {
        return tx.handle().createQuery("SELECT failures FROM keyring").mapTo(Integer.class).one();
    }

    void resetFailures(Tx tx) {
        tx.handle().createUpdate("UPDATE keyring SET failures = 0, next_try_at = NULL").execute();
    }

    Optional<OwnKey> ownKey(Tx tx) {
        return tx.handle().createQuery("SELECT public_key, sealed_seed, created_at, created_by FROM own_key")
                .map((rs, ctx) -> new OwnKey(rs.getBytes(1), rs.getBytes(2), Times.parse(rs.getString(3)),
                        rs.getString(4)))
                .findOne();
    }

    void insertOwnKey(Tx tx, byte[] publicKey, String keyId, String fingerprint, byte[] sealedSeed, Instant created,
            String createdBy) {
        tx.handle().createUpdate("INSERT INTO own_key (singleton, algorithm, public_key, key_id, fingerprint,"
                        + " sealed_seed, created_at, created_by) VALUES (1, 'ed25519', :pk, :id, :fp, :seed, :at, :by)")
                .bind("pk", publicKey)
                .bind("id", keyId)
                .bind("fp", fingerprint)
                .bind("seed", sealedSeed)
                .bind("at", Times.format(created))
                .bind("by", createdBy)
                .execute();
    }
}
