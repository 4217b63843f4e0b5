package dev.airlock.appliance.cli;

import java.io.InputStream;
import java.time.Clock;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * What the CLI takes from its surroundings, injected so tests control it: environment,
 * clock, randomness, stdin, the OS user and the launcher's default data dir.
 */
record CliContext(Map<String, String> environment, Clock clock, RandomGenerator random, InputStream stdin,
        String osUser, String launcherDefaultData) {

    static CliContext system() {
        return new CliContext(System.getenv(), Clock.systemUTC(), new java.security.SecureRandom(), System.in,
                System.getProperty("user.name", "operator"), System.getProperty("airlock.defaultData", ""));
    }
}
