package dev.airlock.appliance.collect;

import dev.airlock.appliance.store.Times;
import dev.airlock.appliance.store.Tx;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/** SQL for the taken-in file register. */
final class IntakeRepository {
    Optional<Instant> ingestedAt(Tx tx, String sha256) {
        return Optional.ofNullable(ingestedAt(tx, java.util.List.of(sha256)).get(sha256));
    }

    /** When each of {@code sha256s} that was taken in before was taken in (those that were not are absent). */
    java.util.Map<String, Instant> ingestedAt(Tx tx, java.util.Collection<String> sha256s) {
        if (sha256s.isEmpty()) {
            return java.util.Map.of();
        }
        return tx.handle().createQuery("SELECT f.sha256, f.ingested_at FROM json_each(:shas) j"
                        + " JOIN intake_file f ON f.sha256 = j.value")
                .bind("shas", dev.airlock.appliance.store.SqlValues.jsonArray(sha256s))
                .map((rs, ctx) -> java.util.Map.entry(rs.getString(1), Instant.parse(rs.getString(2))))
                .collect(java.util.stream.Collectors.toMap(java.util.Map.Entry::getKey, java.util.Map.Entry::getValue,
                        (a, b) -> a));
    }

    void insert(Tx tx, String sha256, String fileName, Instant at, OptionalLong machineId, String outcome) {
        tx.handle().createUpdate("INSERT INTO intake_file (sha256, file_name, ingested_at, machine_id, outcome)"
                        + " VALUES (:s, :n, :at, :m, :o) ON CONFLICT (sha256) DO NOTHING")
                .bind("s", sha256).bind("n", fileName).bind("at", Times.format(at))
                .bind("m", machineId.isPresent() ? machineId.getAsLong() : null).bind("o", outcome).execute();
    }
}
