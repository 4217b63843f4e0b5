package dev.airlock.appliance.cli;

import dev.airlock.appliance.devices.StickLayout;
import dev.airlock.appliance.support.FileTrees;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The launcher's training run for its class-data archive ({@code -XX:ArchiveClassesAtExit}): the
 * short commands a lab and a gateway run most, in one JVM, on a throwaway appliance in
 * {@code WORK}, with their output discarded. The archive then holds every class they load, so each
 * later {@code ./airlock} command starts with them in place. Nothing here touches a real data dir;
 * {@code WORK} is deleted at the end.
 *
 * <p>Usage: {@code java -XX:ArchiveClassesAtExit=FILE -cp airlock.jar dev.airlock.appliance.cli.StartupTraining WORK}
 */
public final class StartupTraining {
    private static final String PASSPHRASE = "start-up training only";

    private StartupTraining() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: StartupTraining WORK (an empty or missing folder, deleted afterwards)");
            System.exit(ExitCodes.USAGE);
        }
        Path work = Path.of(args[0]).toAbsolutePath();
        Files.createDirectories(work);
        int code;
        try {
            code = train(work);
        } finally {
            FileTrees.deleteQuietly(work);
        }
        System.exit(code);
    }

    /** Runs the commands; returns 0 when each gave the exit code it should, else the first that did not. */
    static int train(Path work) throws IOException {
        String lab = work.resolve("lab").toString();
        String gateway = work.resolve("gateway").toString();
        String labStick = work.resolve("lab-stick").toString();
        Path transfer = Files.createDirectories(work.resolve("transfer"));
        List<List<String>> lines = List.of(
                List.of("--version"),
                List.of("--help"),
                List.of("init", "--role", "lab", "--name", "Training lab", "--data", lab),
                List.of("demo", "--machines", "20", "--to", labStick),
                List.of("intake", labStick, "--data", lab),
                List.of("status", "--data", lab),
                List.of("list", "--data", lab),
                List.of("export", "--to", transfer.toString(), "--data", lab),
                List.of("bundles", "list", "--data", lab),
                List.of("audit", "verify", "--data", lab),
                List.of("init", "--role", "gateway", "--name", "Training gateway", "--data", gateway),
                List.of("status", "--data", gateway));
        int failed = 0;
        for (List<String> line : lines) {
            failed = firstFailure(failed, run(line));
        }
        // the request just written, read back as a bundle file (parse, schema, signature)
        try (Stream<Path> requests = Files.list(StickLayout.Folder.OUTBOUND.on(transfer))) {
            for (Path request : requests.toList()) {
                failed = firstFailure(failed, run(List.of("verify", request.toString(), "--data", lab)));
            }
        }
        return failed;
    }

    private static int firstFailure(int failedSoFar, int code) {
        return failedSoFar != 0 ? failedSoFar : code;
    }

    /** Runs one command line, its output discarded; a failure is named on stderr (the launcher keeps it quiet). */
    private static int run(List<String> line) {
        PrintWriter discard = new PrintWriter(Writer.nullWriter());
        StringWriter errors = new StringWriter();
        CliContext context = new CliContext(Map.of("AIRLOCK_PASSPHRASE", PASSPHRASE), Clock.systemUTC(),
                new SecureRandom(), InputStream.nullInputStream(), "training", "", new ArrayList<>());
        int code = Main.run(context, discard, new PrintWriter(errors), line.toArray(String[]::new));
        if (code != 0) {
            System.err.println("training: 'airlock " + String.join(" ", line) + "' exited " + code + ": " + errors);
        }
        return code;
    }
}
