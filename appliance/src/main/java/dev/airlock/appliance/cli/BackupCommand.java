package dev.airlock.appliance.cli;

import dev.airlock.appliance.Appliance;
import dev.airlock.appliance.backup.BackupException;
import dev.airlock.appliance.backup.BackupResult;
import dev.airlock.appliance.keys.KeysException;
import dev.airlock.appliance.keys.Passphrase;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code airlock backup}: the whole record store, encrypted, onto a stick. */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = {"Write an encrypted backup of the whole data store to STICK/AIRLOCK/backup/"
                + "airlock-backup-YYYYMMDD-HHMMSS.alb, then read it back to check it.",
            "Encrypted under the supervisor passphrase (terminal prompt, or AIRLOCK_PASSPHRASE); restore it with"
                + " 'airlock restore'."})
final class BackupCommand implements Callable<Integer> {
    private final CliContext context;

    @Mixin
    GlobalOptions global;

    @Spec
    CommandSpec spec;

    @Option(names = "--to", required = true, paramLabel = "STICK", description = "The stick's root folder.")
    Path to;

    BackupCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws KeysException, IOException {
        to = UserPaths.stickRoot(to);
        Appliance appliance = global.open();
        BackupResult r;
        try (Passphrase passphrase = new SecretInput(context, spec.commandLine().getErr()).passphrase()) {
            r = appliance.backup().backup(to, passphrase, global.actor());
        } catch (BackupException e) {
            throw new Rejected(e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf("Wrote backup %s (%s): %d machine%s, %d product%s. Read back and checked.%n", r.file(),
                size(r.bytes()), r.machines(), Words.s(r.machines()), r.products(), Words.s(r.products()));
        out.println("It holds the full record (names, addresses) and opens only with the supervisor passphrase:"
                + " keep the stick in the lab, locked away.");
        out.println("To restore: ./airlock restore " + r.file() + " --data DIR");
        return ExitCodes.OK;
    }

    static String size(long bytes) {
        if (bytes < 1024 * 1024) {
            return String.format("%.1f KiB", bytes / 1024.0);
        }
        return String.format("%.1f MiB", bytes / (1024.0 * 1024));
    }
}
