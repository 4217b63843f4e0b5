package dev.airlock.appliance.collect;

import dev.airlock.appliance.store.Times;
import dev.airlock.appliance.store.Tx;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/** SQL for the taken-in file register. */
final class IntakeRepository {
    Optional<Instant> ingestedAt(Tx tx, String sha256) {
        return tx.handle().createQuery("SELECT ingested_at FROM intake_file WHERE sha256 = :s")
                .bind("s", sha256).mapTo(String.class).findOne().map(Instant::parse);
    }

    /** When each of {@code sha256s} that was taken in before was taken in (those that were not are absent). */
    java.util.Map<String, Instant> ingestedAt(Tx tx, java.util.Collection<String> sha256s) {
        java.util.Map<String, Instant> at = new java.util.HashMap<>();
        if (!sha256s.isEmpty()) {
            tx.handle().createQuery("SELECT f.sha256, f.ingested_at FROM json_each(:shas) j"
                            + " JOIN intake_file f ON f.sha256 = j.value")
                    .bind("shas", dev.airlock.appliance.store.SqlValues.jsonArray(sha256s))
                    .map((rs, ctx) -> at.put(rs.getString(1), Instant.parse(rs.getString(2)))).list();
        }
        return at;
    }

    void insert(Tx tx, String sha256, String fileName, Instant at, OptionalLong machineId, String outcome) {
        tx.handle().createUpdate("INSERT INTO intake_file (sha256, file_name, ingested_at, machine_id, outcome)"
                        + " VALUES (:s, :n, :at, :m, :o) ON CONFLICT (sha256) DO NOTHING")
                .bind("s", sha256).bind("n", fileName).bind("at", Times.format(at))
                .bind("m", machineId.isPresent() ? machineId.getAsLong() : null).bind("o", outcome).execute();
    }
}
