package dev.airlock.appliance.devices;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

/** Test helpers: system tools the device tests need, and a runner that fails with their output. */
final class Tools {
    private Tools() {}

    /** Skips the test when {@code program} is not installed (CI installs socat, fusefat, dosfstools). */
    static void assumeInstalled(String program, String packageName) {
        assumeTrue(Commands.find(program).isPresent(), program + " is not installed (apt-get install " + packageName + ")");
    }

    static String run(String... command) throws IOException {
        Commands.Run r = Commands.run(List.of(command), Duration.ofSeconds(30));
        if (!r.ok()) {
            throw new IllegalStateException(String.join(" ", command) + " failed (exit " + r.exit() + "): " + r.output());
        }
        return r.output();
    }

    /** Waits for {@code condition}, up to {@code limit}. */
    static boolean await(Duration limit, java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }
}
