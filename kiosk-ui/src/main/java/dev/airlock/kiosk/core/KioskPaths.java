package dev.airlock.kiosk.core;

import java.nio.file.Path;
import java.util.Map;

/** Where the kiosk's data lives: --data, then AIRLOCK_DATA, then the launcher's default, then ./data. */
public record KioskPaths(Path dataDir) {
    public static KioskPaths resolve(String dataProperty, Map<String, String> env, String launcherDefault) {
        if (dataProperty != null && !dataProperty.isBlank()) {
            return new KioskPaths(Path.of(dataProperty).toAbsolutePath().normalize());
        }
        String fromEnv = env.get("AIRLOCK_DATA");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return new KioskPaths(Path.of(fromEnv).toAbsolutePath().normalize());
        }
        if (launcherDefault != null && !launcherDefault.isBlank()) {
            return new KioskPaths(Path.of(launcherDefault).toAbsolutePath().normalize());
        }
        return new KioskPaths(Path.of("data").toAbsolutePath().normalize());
    }
}
