package dev.airlock.appliance.cli;

import dev.airlock.appliance.collect.Collect;
import dev.airlock.appliance.collect.CollectorKitWithKey;
import dev.airlock.appliance.collect.CollectorKitWritten;
import dev.airlock.appliance.keys.KeysException;
import dev.airlock.appliance.keys.Passphrase;
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

/** {@code airlock collector-kit}: write the collector kit onto a lab stick. Needs a store only with --install-mak. */
@Command(name = "collector-kit", mixinStandardHelpOptions = true,
        description = {"Write the collector kit onto a lab stick (DIR/AIRLOCK/collector/).",
            "Run Collect.cmd on each lab machine; records land in DIR/AIRLOCK/collected/."})
final class CollectorKitCommand implements Callable<Integer> {
    private final CliContext context;

    @Mixin
    GlobalOptions global;

    @Spec
    CommandSpec spec;

    @Option(names = "--to", required = true, paramLabel = "DIR", description = "Stick root (or any folder).")
    Path to;

    @Option(names = "--install-mak", paramLabel = "ID",
            description = {"Make the kit install MAK ID from the vault ('airlock mak list') before collecting (the IID"
                    + " changes when a key is installed). Needs the supervisor passphrase.",
                "The kit then holds the key in clear text (InstallKey.txt), like Unattend.xml: delete it after use."})
    String installMak;

    CollectorKitCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException, KeysException {
        Path stick = UserPaths.stickRoot(to);
        Long makId = null;
        if (installMak != null) {
            // parsed here, not by picocli, whose error would echo a key typed by mistake
            if (!installMak.strip().matches("[0-9]{1,18}")) {
                throw new Rejected("--install-mak takes the id of a MAK in the vault (see ./airlock mak list), never"
                        + " the key itself; add the key with ./airlock mak add");
            }
            makId = Long.parseLong(installMak.strip());
        }
        CollectorKitWritten kit;
        String partial = "";
        if (makId != null) {
            var appliance = global.open();
            if (appliance.makVault().find(makId).isEmpty()) {
                throw new Rejected("--install-mak: no MAK with id " + makId + " in the vault (see ./airlock mak"
                        + " list, add one with ./airlock mak add)");
            }
            try (Passphrase passphrase = new SecretInput(context, spec.commandLine().getErr()).passphrase()) {
                CollectorKitWithKey written = appliance.collect().writeKitWithMak(stick, makId, passphrase,
                        global.actor());
                kit = written.kit();
                partial = "*****-*****-*****-*****-" + written.mak().partialKey();
            }
        } else {
            kit = Collect.writeKit(stick, Optional.empty());
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("Collector kit written to " + kit.kitDir());
        kit.files().forEach(f -> out.println("  " + f.getFileName()));
        out.println("Records will be written to " + kit.collectedDir());
        if (kit.holdsKey()) {
            out.println("WARNING: the kit holds the product key " + partial + " (MAK " + makId
                    + ") in clear text (InstallKey.txt). Keep the stick in the lab and delete the kit after use.");
        }
        if (kit.removedKey()) {
            out.println("The key file of the earlier kit (InstallKey.txt) was removed: this kit installs no key.");
        }
        out.println("On each lab machine: open the stick, double-click AIRLOCK\\collector\\Collect.cmd"
                + (kit.holdsKey() ? " (right-click > Run as administrator)." : "."));
        out.println("Back here: ./airlock intake " + to);
        return ExitCodes.OK;
    }
}
