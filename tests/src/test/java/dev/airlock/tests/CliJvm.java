package dev.airlock.tests;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The JVM command line {@code ./airlock} runs a command with (keep in step with the launcher
 * script): the serial collector, a class-data archive created by the first run and refreshed by
 * the JVM when the jar changes, and the quick JIT tier, except for commands that unseal the key
 * (Argon2id) or run long, which get the full tier. The suites start the CLI hundreds of times, so
 * the archive (here under {@code tests/target/}) saves minutes, as it does for users.
 */
public final class CliJvm {
    /** The command words the launcher runs on the full JIT tier. */
    public static final Set<String> FULL_TIER = Set.of("export", "gateway", "key", "audit", "backup", "restore",
            "mak", "collector-kit", "operator", "init", "reuse-cid", "demo", "terminal", "stand-in");

    private CliJvm() {}

    /**
     * {@code java OPTIONS -jar JAR ARGS}: the CLI command line the suites run (archive under
     * {@code root}), with the JIT tier the launcher picks for {@code args}.
     */
    public static List<String> command(String java, Path jar, Path root, List<String> args) {
        List<String> cmd = new ArrayList<>(List.of(java, "-XX:+UseSerialGC"));
        if (!FULL_TIER.contains(commandWord(args))) {
            cmd.add("-XX:TieredStopAtLevel=1");
        }
        cmd.addAll(List.of("-XX:SharedArchiveFile=" + root.resolve("tests/target/airlock-cli.jsa"),
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
