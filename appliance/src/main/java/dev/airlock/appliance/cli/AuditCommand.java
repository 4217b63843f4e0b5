package dev.airlock.appliance.cli;

import dev.airlock.appliance.audit.AuditEntry;
import dev.airlock.appliance.audit.ChainReport;
import dev.airlock.formats.outside.OutsideText;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code airlock audit}: the audit log. */
@Command(name = "audit", mixinStandardHelpOptions = true, description = "Show or verify the audit log.",
        subcommands = {AuditCommand.Verify.class, AuditCommand.Log.class})
final class AuditCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "say 'verify' or 'log'");
    }

    /** {@code airlock audit verify}. */
    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Check the hash chain: exit 0 when intact, 1 naming the first edited, deleted or moved row.")
    static final class Verify implements Callable<Integer> {
        @Mixin
        GlobalOptions global;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            ChainReport report = global.openToRead().audit().verify();
            if (report instanceof ChainReport.Intact ok) {
                spec.commandLine().getOut().printf("Audit log intact: %d row%s, each hashing the one before.%n",
                        ok.rows(), Words.s(ok.rows()));
                return ExitCodes.OK;
            }
            ChainReport.Broken bad = (ChainReport.Broken) report;
            spec.commandLine().getErr().printf("airlock: audit log broken at row %d: %s%n", bad.seq(), bad.reason());
            return ExitCodes.REJECTED;
        }
    }

    /** {@code airlock audit log}. */
    @Command(name = "log", mixinStandardHelpOptions = true, description = "Show the newest audit entries.")
    static final class Log implements Callable<Integer> {
        @Mixin
        GlobalOptions global;

        @Spec
        CommandSpec spec;

        @Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "How many (default: ${DEFAULT-VALUE}).")
        int limit;

        @Option(names = "--subject", paramLabel = "SUBJECT", defaultValue = "",
                description = "Only entries about this subject, e.g. 'machine 12'.")
        String subject;

        @Option(names = "--json", description = "Print JSON for scripts.")
        boolean json;

        @Override
        public Integer call() {
            List<AuditEntry> entries = global.openToRead().audit().recent(Math.max(1, limit), subject.strip());
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                Json.print(out, entries);
                return ExitCodes.OK;
            }
            for (AuditEntry e : entries) {
                out.printf("#%-6d %s  %-12s %-16s %-14s %s%n", e.seq(), e.at(), OutsideText.shown(e.operator()), e.action(),
                        OutsideText.shown(e.subject()), OutsideText.shown(e.details()));
            }
            return ExitCodes.OK;
        }
    }
}
