package dev.airlock.appliance.update;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/** When the running system booted ({@code btime} in /proc/stat); a status written before it is from before the restart. */
final class BootTime {
    private static final Path PROC_STAT = Path.of("/proc/stat");

    private BootTime() {}

    /** The boot time, or {@link Instant#MIN} where the system does not say (then nothing counts as before it). */
    static Instant current() {
        try {
            for (String line : Files.readAllLines(PROC_STAT)) {
                if (line.startsWith("btime ")) {
                    return Instant.ofEpochSecond(Long.parseLong(line.substring(6).strip()));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux, or no /proc: fall through
        }
        return Instant.MIN;
    }
}
