package dev.airlock.appliance.cli;

import dev.airlock.appliance.keys.Sleeper;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * What the CLI takes from its surroundings, injected so tests control it: environment,
 * clock, randomness, stdin, the OS user, the launcher's default data dir, the sleeper that
 * waits out the delay after repeated wrong passphrases, and the terminal secrets are typed on.
 */
record CliContext(Map<String, String> environment, Clock clock, RandomGenerator random, InputStream stdin,
        String osUser, String launcherDefaultData, List<AutoCloseable> toClose, Sleeper sleeper,
        Optional<Terminal> terminal) {

    /** A context whose terminal is the real one when stdin is the real stdin and a terminal. */
    CliContext(Map<String, String> environment, Clock clock, RandomGenerator random, InputStream stdin,
            String osUser, String launcherDefaultData, List<AutoCloseable> toClose, Sleeper sleeper) {
        this(environment, clock, random, stdin, osUser, launcherDefaultData, toClose, sleeper, Terminal.of(stdin));
    }

    /** A context that really sleeps after repeated wrong passphrases. */
    CliContext(Map<String, String> environment, Clock clock, RandomGenerator random, InputStream stdin,
            String osUser, String launcherDefaultData, List<AutoCloseable> toClose) {
        this(environment, clock, random, stdin, osUser, launcherDefaultData, toClose, Sleeper.real());
    }

    static CliContext system() {
        return new CliContext(System.getenv(), Clock.systemUTC(), new FirstUseSecureRandom(), System.in,
                System.getProperty("user.name", "operator"), System.getProperty("airlock.defaultData", ""),
                new ArrayList<>(), Sleeper.real());
    }

    /**
     * A {@link java.security.SecureRandom} made when first drawn from: most commands never draw from
     * the context's, and making the first one sets up the security providers (about 25 ms of a short
     * command's start, which the store's warm-up thread does meanwhile).
     */
    private static final class FirstUseSecureRandom implements RandomGenerator {
        private java.security.SecureRandom random;

        private synchronized java.security.SecureRandom random() {
            if (random == null) {
                random = new java.security.SecureRandom();
            }
            return random;
        }

        @Override
        public long nextLong() {
            return random().nextLong();
        }

        @Override
        public void nextBytes(byte[] bytes) {
            random().nextBytes(bytes);
        }
    }

    /** Registers something the command opened, closed when the command ends. */
    <T extends AutoCloseable> T closeLater(T resource) {
        toClose.add(resource);
        return resource;
    }

    /** Closes what the command opened, newest first. */
    void closeAll() {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            try {
                toClose.get(i).close();
            } catch (Exception ignored) {
                // closing at exit: the command's own outcome is what counts
            }
        }
        toClose.clear();
    }
}
