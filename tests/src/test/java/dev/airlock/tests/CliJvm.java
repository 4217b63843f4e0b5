package dev.airlock.tests;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The JVM command line {@code ./airlock} runs a short-lived command with (keep in step with the
 * launcher script): the serial collector, the quick JIT tier and a class-data archive, created by
 * the first run and refreshed by the JVM when the jar changes. The suites start the CLI hundreds
 * of times, so the archive (here under {@code tests/target/}) saves minutes, as it does for users.
 */
public final class CliJvm {
    private CliJvm() {}

    /** {@code java OPTIONS -jar JAR}: the start of every CLI command line the suites run (archive under {@code root}). */
    public static List<String> prefix(String java, Path jar, Path root) {
        return new ArrayList<>(List.of(java, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-XX:SharedArchiveFile=" + root.resolve("tests/target/airlock-cli.jsa"), "-XX:+AutoCreateSharedArchive",
                "-Xlog:cds*=off", "-jar", jar.toString()));
    }
}
