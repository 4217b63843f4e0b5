package dev.airlock.appliance.cli;

import dev.airlock.appliance.demo.DemoData;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code airlock demo}: realistic, clearly fake collector files. Needs no store. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Write collector files for made-up machines, to try Airlock without a lab.",
            "Hosts DEMO-LAB-nnnnn, domain demo.invalid, documentation IP ranges; files go to DIR/AIRLOCK/collected/."})
final class DemoCommand implements Callable<Integer> {
    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Option(names = "--machines", paramLabel = "N", defaultValue = "20", description = "How many machines (default: ${DEFAULT-VALUE}).")
    int machines;

    @Option(names = "--to", required = true, paramLabel = "DIR", description = "Where to write (like a stick root).")
    Path to;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Same seed, same files (default: ${DEFAULT-VALUE}).")
    long seed;

    DemoCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException {
        if (machines < 1 || machines > 1_000_000) {
            throw new Rejected("--machines must be between 1 and 1000000");
        }
        Path dir = new DemoData(context.clock()).write(machines, UserPaths.outputFolder(to), seed, n -> { });
        PrintWriter out = spec.commandLine().getOut();
        out.printf("Wrote %d demo collector file%s to %s%n", machines, Words.s(machines), dir);
        out.println("Next: ./airlock intake " + to);
        return ExitCodes.OK;
    }
}
