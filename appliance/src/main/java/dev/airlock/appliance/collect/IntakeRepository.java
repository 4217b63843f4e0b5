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

    void insert(Tx tx, String sha256, String fileName, Instant at, OptionalLong machineId, String outcome) {
        tx.handle().createUpdate("INSERT INTO intake_file (sha256, file_name, ingested_at, machine_id, outcome)"
                        + " VALUES (:s, :n, :at, :m, :o) ON CONFLICT (sha256) DO NOTHING")
                .bind("s", sha256).bind("n", fileName).bind("at", Times.format(at))
                .bind("m", machineId.isPresent() ? machineId.getAsLong() : null).bind("o", outcome).execute();
    }
}
