package dev.airlock.bench;

import dev.airlock.appliance.Appliance;
import dev.airlock.appliance.audit.Actor;
import dev.airlock.appliance.demo.DemoData;
import dev.airlock.appliance.collect.IntakeOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Fills a store with demo machines through the real intake path until it holds {@code products}. */
final class BulkLoad {
    private static final int BATCH = 5_000;

    private BulkLoad() {}

    /** Returns the number of machines taken in. */
    static int load(Appliance appliance, Path work, int products, Clock clock) throws IOException {
        int machines = 0;
        long seed = 7;
        while (appliance.inventory().status().products() < products) {
            Path batch = work.resolve("batch-" + seed);
            new DemoData(clock).write(BATCH, machines + 1, batch, seed++, n -> { });
            appliance.collect().ingest(List.of(batch), IntakeOptions.defaults(), new Actor("bench"), o -> { });
            machines += BATCH;
            try (Stream<Path> walk = Files.walk(batch)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        return machines;
    }
}
