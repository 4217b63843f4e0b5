package dev.airlock.tests.kiosk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.tests.CliJvm;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The built {@code airlock.jar} CLI in a fresh JVM (the gateway side and the lab's set-up of journeys). */
final class AirlockCli {
    static final Path JAR = Path.of(System.getenv().getOrDefault("AIRLOCK_TEST_CLI_JAR",
            KioskProcess.ROOT.resolve("appliance/target/airlock.jar").toString()));
    private static final Pattern FINGERPRINT = Pattern.compile("Fingerprint:\\s+([0-9 ]{35})");

    record Run(int exit, String out, String err) {
        String all() {
            return out + err;
        }

        Run ok() {
            assertThat(exit).as(all()).isZero();
            return this;
        }
    }

    private AirlockCli() {}

    /** {@code airlock ARGS --data DATA} with the journeys' passphrase; fails unless it exits 0. */
    static Run ok(Path data, String... args) throws IOException, InterruptedException {
        return run(data, args).ok();
    }

    static Run run(Path data, String... args) throws IOException, InterruptedException {
        return run(data, Map.of(), args);
    }

    static Run run(Path data, Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> cmd = CliJvm.command(KioskProcess.java(), JAR, KioskProcess.ROOT, List.of(args));
        if (data != null) {
            cmd.add("--data");
            cmd.add(data.toString());
        }
        Path out = Files.createTempFile("airlock-out", ".txt");
        Path err = Files.createTempFile("airlock-err", ".txt");
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            pb.environment().keySet().removeIf(k -> k.startsWith("AIRLOCK_"));
            pb.environment().put("AIRLOCK_PASSPHRASE", Kiosk.PASSPHRASE);
            pb.environment().putAll(env);
            Process p = pb.start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("timed out: " + cmd);
            }
            return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** A long-running {@code airlock} command (e.g. {@code stand-in}) in its own JVM; close it to stop it. */
    record Background(Process process, Path log) implements AutoCloseable {
        /** Waits until the output has a line matching {@code pattern}; returns its first group. */
        String await(Pattern pattern) throws Exception {
            String[] found = new String[1];
            if (!dev.airlock.tests.Await.within(Duration.ofSeconds(60), () -> {
                Matcher m = pattern.matcher(Files.readString(log, StandardCharsets.UTF_8));
                if (m.find()) {
                    found[0] = m.group(1);
                    return true;
                }
                if (!process.isAlive()) {
                    throw new IllegalStateException("exited with " + process.exitValue() + ": " + Files.readString(log));
                }
                return false;
            })) {
                throw new IllegalStateException("no line matching " + pattern + " in: " + Files.readString(log));
            }
            return found[0];
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy(); // SIGTERM, as Ctrl-C: its shutdown hook stops it
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /** Starts {@code airlock ARGS} in the background with its output (both streams) in {@code log}. */
    static Background background(Path log, String... args) throws IOException {
        List<String> cmd = CliJvm.command(KioskProcess.java(), JAR, KioskProcess.ROOT, List.of(args));
        Files.createDirectories(log.toAbsolutePath().getParent());
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().keySet().removeIf(k -> k.startsWith("AIRLOCK_"));
        return new Background(pb.start(), log);
    }

    /** Any program (mkfs.vfat, fusefat...); fails with its output unless it exits 0. */
    static void exec(String what, String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(what + " failed: " + String.join(" ", cmd) + "\n" + out);
        }
    }

    /** Lab and gateway set up with the CLI and enrolled with each other (cards pinned by fingerprint). */
    static void initAndEnroll(Path cards, Path lab, Path gw) throws Exception {
        ok(lab, "init", "--role", "lab", "--name", "Lab 3");
        ok(gw, "init", "--role", "gateway", "--name", "Gateway");
        Path labCards = Files.createDirectories(cards.resolve("lab"));
        Path gwCards = Files.createDirectories(cards.resolve("gw"));
        String labPrint = fingerprint(ok(lab, "key", "card", "--to", labCards.toString(), "--label", "Lab 3"));
        String gwPrint = fingerprint(ok(gw, "key", "card", "--to", gwCards.toString(), "--label", "GW"));
        ok(gw, "trust", "add", only(labCards, ".xml").toString(), "--fingerprint", labPrint);
        ok(lab, "trust", "add", only(gwCards, ".xml").toString(), "--fingerprint", gwPrint);
    }

    static String fingerprint(Run run) {
        Matcher m = FINGERPRINT.matcher(run.out());
        assertThat(m.find()).as(run.out()).isTrue();
        return m.group(1).strip();
    }

    /** The one file in {@code dir} whose name ends with {@code suffix}. */
    static Path only(Path dir, String suffix) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> files = s.filter(p -> p.toString().endsWith(suffix)).toList();
            assertThat(files).as(dir.toString()).hasSize(1);
            return files.get(0);
        }
    }
}
