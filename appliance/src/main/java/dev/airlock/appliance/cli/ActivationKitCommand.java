package dev.airlock.appliance.cli;

import dev.airlock.appliance.apply.KitWritten;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code airlock activation-kit}: write the CIDs waiting to be applied onto a lab stick. */
@Command(name = "activation-kit", mixinStandardHelpOptions = true,
        description = {"Write the activation kit onto a lab stick (DIR/AIRLOCK/kit/): one file per machine with"
                + " products in CID_RECEIVED or REUSABLE (host name, SMBIOS UUID; per product SKU, IID, CID).",
            "Run AIRLOCK\\collector\\Apply.cmd as administrator on each machine, then 'airlock intake DIR'.",
            "The kit names machines: it stays in the lab."})
final class ActivationKitCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    @Spec
    CommandSpec spec;

    @Option(names = "--to", required = true, paramLabel = "DIR", description = "Stick root (or any folder).")
    Path to;

    @Option(names = "--group", paramLabel = "GROUP", description = "Only machines of this lab group.")
    String group;

    @Override
    public Integer call() throws IOException {
        Path stick = UserPaths.stickRoot(to);
        KitWritten kit = global.open().apply().writeKit(stick, Optional.ofNullable(group),
                global.actor());
        PrintWriter out = spec.commandLine().getOut();
        if (kit.machines() == 0) {
            out.println("No products wait for their CID" + (group == null ? "" : " in group " + group)
                    + " (CID_RECEIVED or REUSABLE): nothing to write.");
        } else {
            out.printf("Activation kit written to %s: %d machine%s, %d product%s (%d with a reused CID)%n",
                    kit.kitDir(), kit.machines(), Words.s(kit.machines()), kit.products(),
                    Words.s(kit.products()), kit.reusedCids());
            kit.files().forEach(f -> out.println("  " + f.getFileName()));
        }
        if (!kit.removed().isEmpty()) {
            out.printf("Removed %d file%s of an earlier kit that no longer wait%n", kit.removed().size(),
                    Words.s(kit.removed().size()));
        }
        if (kit.machines() > 0) {
            out.println("The kit names machines: keep the stick in the lab.");
            out.println("On each machine: right-click AIRLOCK\\collector\\Apply.cmd > Run as administrator"
                    + " (write the collector kit first if the stick has none: ./airlock collector-kit --to " + to + ").");
            out.println("Back here: ./airlock intake " + to);
        }
        return ExitCodes.OK;
    }
}
