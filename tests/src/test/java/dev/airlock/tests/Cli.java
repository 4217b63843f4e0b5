package dev.airlock.tests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the built {@code airlock.jar} in a fresh JVM, the way the launcher does, and captures what it printed. */
final class Cli {
    static final Path ROOT = locateRoot();
    static final Path JAR = ROOT.resolve("appliance/target/airlock.jar");

    /** One finished run. */
    record Run(int exit, String out, String err) {
        String all() {
            return out + err;
        }
    }

    /** The supervisor passphrase every journey's appliance is set up with (given as AIRLOCK_PASSPHRASE). */
    static final String PASSPHRASE = "journey test passphrase";

    private Cli() {}

    static Run airlock(Path data, String... args) throws IOException, InterruptedException {
        return airlockWithStdin(data, "", args);
    }

    /** As {@link #airlock}, with {@code stdin} piped in (e.g. a MAK for {@code mak add}). */
    static Run airlockWithStdin(Path data, String stdin, String... args) throws IOException, InterruptedException {
        return run(command(data, args), Map.of("AIRLOCK_PASSPHRASE", PASSPHRASE), null, stdin);
    }

    /**
     * The command line {@code ./airlock} runs: the jar with the launcher's JVM options for
     * short-lived commands (keep in step with the launcher script), {@code --data} when given.
     */
    static List<String> command(Path data, String... args) {
        List<String> cmd = CliJvm.command(java(), JAR, ROOT, List.of(args));
        if (data != null) {
            cmd.add("--data");
            cmd.add(data.toString());
        }
        return cmd;
    }

    static Run run(List<String> cmd, Map<String, String> env, Path dir) throws IOException, InterruptedException {
        return run(cmd, env, dir, "");
    }

    /**
     * As {@link #airlock}, but a run that takes longer than {@code limit} is killed and reported
     * as hung (for hostile inputs that once made a command wait forever).
     */
    static Run airlockWithin(java.time.Duration limit, Path data, String... args)
            throws IOException, InterruptedException {
        return run(command(data, args), Map.of("AIRLOCK_PASSPHRASE", PASSPHRASE), null, "", limit);
    }

    static Run run(List<String> cmd, Map<String, String> env, Path dir, String stdin)
            throws IOException, InterruptedException {
        return run(cmd, env, dir, stdin, java.time.Duration.ofSeconds(120));
    }

    static Run run(List<String> cmd, Map<String, String> env, Path dir, String stdin, java.time.Duration limit)
            throws IOException, InterruptedException {
        Path out = Files.createTempFile("airlock-out", ".txt");
        Path err = Files.createTempFile("airlock-err", ".txt");
        Path in = Files.writeString(Files.createTempFile("airlock-in", ".txt"), stdin, StandardCharsets.UTF_8);
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile())
                    .redirectInput(in.toFile());
            pb.environment().remove("AIRLOCK_DATA");
            pb.environment().remove("AIRLOCK_PASSPHRASE");
            pb.environment().putAll(env);
            if (dir != null) {
                pb.directory(dir.toFile());
            }
            Process p = pb.start();
            if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("hung: no exit within " + limit.toSeconds() + " s: " + cmd);
            }
            return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
            Files.deleteIfExists(in);
        }
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static Path locateRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.exists(p.resolve("mvnw"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("cannot find the repository root above " + Path.of("").toAbsolutePath());
        }
        return p;
    }
}
