package dev.airlock.tests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The JVM command line {@code ./airlock} runs a command with (keep in step with the launcher
 * script): the serial collector, a class-data archive created by the first run (and again once
 * the jar is newer than it: the JVM runs without a stale one and writes none), and the quick JIT tier, except for the long-running servers, which get the full tier. The suites start the CLI hundreds of times, so
 * the archive (here under {@code tests/target/}) saves minutes, as it does for users.
 */
public final class CliJvm {
    /** The command words the launcher runs on the full JIT tier. */
    public static final Set<String> FULL_TIER = Set.of("terminal", "stand-in");

    private static final AtomicBoolean STALE_CHECKED = new AtomicBoolean();

    private CliJvm() {}

    /** Removes {@code archive} when {@code jar} is newer (as the launcher does), so the next run writes a fresh one. */
    static synchronized void dropStaleArchive(Path jar, Path archive) {
        try {
            if (Files.exists(archive) && Files.getLastModifiedTime(jar).compareTo(Files.getLastModifiedTime(archive)) > 0) {
                Files.deleteIfExists(archive);
            }
        } catch (IOException e) {
            // no jar yet, or the archive went meanwhile: the JVM copes either way
        }
    }

    /**
     * {@code java OPTIONS -jar JAR ARGS}: the CLI command line the suites run (archive under
     * {@code root}), with the JIT tier the launcher picks for {@code args}.
     */
    public static List<String> command(String java, Path jar, Path root, List<String> args) {
        List<String> cmd = new ArrayList<>(List.of(java, "-XX:+UseSerialGC"));
        if (!FULL_TIER.contains(commandWord(args))) {
            cmd.add("-XX:TieredStopAtLevel=1");
        }
        Path archive = root.resolve("tests/target/airlock-cli.jsa");
        if (STALE_CHECKED.compareAndSet(false, true)) {
            dropStaleArchive(jar, archive);
        }
        cmd.addAll(List.of("-XX:SharedArchiveFile=" + archive,
                "-XX:+AutoCreateSharedArchive", "-Xlog:cds*=off", "-jar", jar.toString()));
        cmd.addAll(args);
        return cmd;
    }

    /** The command: the first word that is not a global option or its value (as the launcher finds it). */
    static String commandWord(List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--data") || a.equals("--as") || a.equals("--set")) {
                i++;
            } else if (!a.startsWith("-")) {
                return a;
            }
        }
        return "";
    }
}
