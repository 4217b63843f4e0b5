package dev.airlock.appliance.cli;

import dev.airlock.appliance.collector.CollectorKitService;
import dev.airlock.formats.ids.InvalidIdException;
import dev.airlock.formats.ids.ProductKey;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code airlock collector-kit}: write the collector kit onto a lab stick. Needs no store. */
@Command(name = "collector-kit", mixinStandardHelpOptions = true,
        description = {"Write the collector kit onto a lab stick (DIR/AIRLOCK/collector/).",
            "Run Collect.cmd on each lab machine; records land in DIR/AIRLOCK/collected/."})
final class CollectorKitCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--to", required = true, paramLabel = "DIR", description = "Stick root (or any folder).")
    Path to;

    @Option(names = "--install-mak", paramLabel = "KEY",
            description = {"Make the kit install this MAK before collecting (the IID changes when a key is installed).",
                "The kit then holds the key in clear text (InstallKey.txt), like Unattend.xml: delete it after use."})
    String installMak;

    @Override
    public Integer call() throws IOException {
        Optional<ProductKey> key = Optional.empty();
        if (installMak != null) {
            try {
                key = Optional.of(ProductKey.parse(installMak));
            } catch (InvalidIdException e) {
                throw new Rejected("--install-mak: " + e.getMessage());
            }
        }
        CollectorKitService.KitWritten kit = new CollectorKitService().write(to.toAbsolutePath().normalize(), key);
        PrintWriter out = spec.commandLine().getOut();
        out.println("Collector kit written to " + kit.kitDir());
        kit.files().forEach(f -> out.println("  " + f.getFileName()));
        out.println("Records will be written to " + kit.collectedDir());
        if (kit.holdsKey()) {
            out.println("WARNING: the kit holds the product key " + key.get()
                    + " in clear text (InstallKey.txt). Keep the stick in the lab and delete the kit after use.");
        }
        out.println("On each lab machine: open the stick, double-click AIRLOCK\\collector\\Collect.cmd"
                + (kit.holdsKey() ? " (right-click > Run as administrator)." : "."));
        out.println("Back here: ./airlock intake " + to);
        return ExitCodes.OK;
    }
}
