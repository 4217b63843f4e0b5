package dev.airlock.appliance.cli;

import dev.airlock.appliance.demo.DemoData;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code airlock demo}: realistic, clearly fake collector files; {@code demo apply} plays their Apply. Needs no store. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Write collector files for made-up machines, to try Airlock without a lab.",
            "Hosts DEMO-LAB-nnnnn, domain demo.invalid, documentation IP ranges; files go to DIR/AIRLOCK/collected/.",
            "Same seed, same files (byte for byte): they are dated " + DemoCommand.COLLECTED_TEXT + " unless --now.",
            "Then 'airlock demo apply --stick DIR' plays the machines' Apply of the activation kit on DIR."},
        subcommands = DemoApplyCommand.class)
final class DemoCommand implements Callable<Integer> {
    /** When the demo machines were collected (a fixed time, so the same seed gives the same files). */
    static final Instant COLLECTED = Instant.parse("2026-11-02T08:00:00Z");
    static final String COLLECTED_TEXT = "2026-11-02 08:00 UTC";

    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Option(names = "--machines", paramLabel = "N", defaultValue = "20", description = "How many machines (default: ${DEFAULT-VALUE}).")
    int machines;

    // Required, but checked in call(): a required option here would also be asked of 'demo apply'.
    @Option(names = "--to", paramLabel = "DIR", description = "Where to write (like a stick root). Required.")
    Path to;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Same seed, same files (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--now", description = "Date the files now instead of " + COLLECTED_TEXT + " (e.g. to collect the same machines again later).")
    boolean now;

    DemoCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException {
        if (to == null) {
            throw new ParameterException(spec.commandLine(), "Missing required option: '--to=DIR'");
        }
        if (machines < 1 || machines > 1_000_000) {
            throw new Rejected("--machines must be between 1 and 1000000");
        }
        Clock clock = now ? context.clock() : Clock.fixed(COLLECTED, ZoneOffset.UTC);
        Path dir = new DemoData(clock).write(machines, UserPaths.outputFolder(to), seed, n -> { });
        PrintWriter out = spec.commandLine().getOut();
        out.printf("Wrote %d demo collector file%s to %s%n", machines, Words.s(machines), dir);
        out.println("Next: ./airlock intake " + to);
        return ExitCodes.OK;
    }
}
