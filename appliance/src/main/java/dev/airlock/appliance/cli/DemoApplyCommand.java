package dev.airlock.appliance.cli;

import dev.airlock.appliance.demo.DemoApply;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code airlock demo apply}: the demo machines' side of Apply, made-up result files. Needs no store. */
@Command(name = "apply", mixinStandardHelpOptions = true,
        description = {"Play the demo machines' side of Apply: made-up result files, nothing is activated.",
            "For each file of the activation kit on the stick (STICK/AIRLOCK/kit/) it writes the result file the"
                + " collector's Apply.cmd would write (STICK/AIRLOCK/results/), with every product deposited and"
                + " Licensed, marked as demo (collector version 'demo'). Only demo machines (DEMO-LAB-nnnnn) are"
                + " played, and only when their collected files are on the stick.",
            "Then read the results: in the kiosk (Apply, Read the results) or with ./airlock intake STICK."})
final class DemoApplyCommand implements Callable<Integer> {
    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Option(names = "--stick", required = true, paramLabel = "DIR", description = "The lab stick's root, holding AIRLOCK/kit/.")
    Path stick;

    DemoApplyCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException {
        Path root = UserPaths.stickRoot(stick);
        DemoApply.Played played = new DemoApply(context.clock()).play(root);
        if (played instanceof DemoApply.Played.Refused r) {
            throw new Rejected(r.message());
        }
        DemoApply.Played.Written w = (DemoApply.Played.Written) played;
        PrintWriter out = spec.commandLine().getOut();
        out.println("DEMO: made-up apply results, nothing was activated on any machine.");
        out.printf("Wrote %d result file%s to %s: %d product%s deposited and Licensed%s%n", w.files().size(),
                Words.s(w.files().size()), w.resultsDir(), w.deposited(), Words.s(w.deposited()),
                w.notApplied() == 0 ? "" : ", " + w.notApplied() + " not applied (IID changed or product not found)");
        if (w.idle() > 0) {
            out.printf("%d demo machine%s on the stick had no kit file: nothing to apply there%n", w.idle(),
                    Words.s(w.idle()));
        }
        out.println("Next: read the results in the kiosk (Apply, Read the results) or ./airlock intake " + stick);
        return ExitCodes.OK;
    }
}
