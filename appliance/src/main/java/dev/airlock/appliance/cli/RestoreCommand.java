package dev.airlock.appliance.cli;

import dev.airlock.appliance.backup.BackupException;
import dev.airlock.appliance.backup.BackupService;
import dev.airlock.appliance.backup.RestoreResult;
import dev.airlock.appliance.keys.Passphrase;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code airlock restore}: put a backup in place as the data store. */
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = {"Restore a backup (.alb) into the data dir (--data). Checks the passphrase, the database,"
                + " its schema version and its audit log before anything is put in place.",
            "Refuses a data dir that already holds a store unless --replace is given; then the old store is moved"
                + " to DATA.before-restore-YYYYMMDD-HHMMSS next to it. Stop the kiosk first.",
            "Needs the supervisor passphrase the backup was made with (terminal prompt, or AIRLOCK_PASSPHRASE)."})
final class RestoreCommand extends TerminalCommand {
    @Parameters(paramLabel = "FILE", description = "The backup file, e.g. STICK/AIRLOCK/backup/airlock-backup-....alb.")
    Path file;

    @Option(names = "--replace", description = "Move an existing store aside instead of refusing.")
    boolean replace;

    RestoreCommand(CliContext context) {
        super(context);
    }

    @Override
    public Integer call() throws IOException {
        RestoreResult r;
        file = UserPaths.inputFile(file, "the backup file (STICK/AIRLOCK/backup/airlock-backup-....alb)");
        try (Passphrase passphrase = secrets().passphrase()) {
            global.lockForWritingIfPresent(); // not while a kiosk or another command works on this data dir
            r = BackupService.restore(file, global.dataDir(), passphrase, replace, global.actor(), context.clock());
        } catch (BackupException e) {
            throw new Rejected(e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf("Restored appliance '%s' into %s: %d machine%s, %d product%s; audit log intact.%n",
                r.applianceName(), r.dataDir(), r.machines(), Words.s(r.machines()), r.products(),
                Words.s(r.products()));
        r.movedAside().ifPresent(p -> out.println("The previous store was moved to " + p + "."));
        out.println("Next: ./airlock status");
        return ExitCodes.OK;
    }
}
