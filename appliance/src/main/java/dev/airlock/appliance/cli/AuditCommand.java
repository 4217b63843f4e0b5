package dev.airlock.appliance.cli;

import dev.airlock.appliance.Appliance;
import dev.airlock.appliance.audit.AuditEntry;
import dev.airlock.appliance.audit.AuditReport;
import dev.airlock.appliance.audit.SignedHead;
import dev.airlock.appliance.keys.KeysException;
import dev.airlock.appliance.keys.Passphrase;
import dev.airlock.formats.signature.Fingerprint;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code airlock audit}: the audit log. */
@Command(name = "audit", mixinStandardHelpOptions = true, description = "Show, verify or sign the audit log.",
        subcommands = {AuditCommand.Verify.class, AuditCommand.Sign.class, AuditCommand.Log.class})
final class AuditCommand extends GroupCommand {
    AuditCommand() {
        super("'verify', 'sign' or 'log'");
    }

    /** {@code airlock audit verify}. */
    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Check the hash chain and every signed head against this appliance's public key (no"
                    + " passphrase): exit 0 when nothing was changed, 1 naming the first row that no longer matches"
                    + " and the signed head that proves it.",
                "Rows after the newest signed head are chained but not yet signed; ./airlock audit sign signs them."})
    static final class Verify implements Callable<Integer> {
        @Mixin
        GlobalOptions global;

        @Spec
        CommandSpec spec;

        @Option(names = "--json", description = "Print JSON for scripts.")
        boolean json;

        @Override
        public Integer call() {
            AuditReport report = global.openToRead().keys().verifyAudit();
            if (json) {
                Json.print(spec.commandLine().getOut(), AuditWords.json(report));
                return report instanceof AuditReport.Intact ? ExitCodes.OK : ExitCodes.REJECTED;
            }
            if (report instanceof AuditReport.Intact ok) {
                AuditWords.intact(ok).forEach(spec.commandLine().getOut()::println);
                return ExitCodes.OK;
            }
            AuditWords.tampered((AuditReport.Tampered) report).forEach(spec.commandLine().getErr()::println);
            return ExitCodes.REJECTED;
        }
    }

    /** {@code airlock audit sign}. */
    @Command(name = "sign", mixinStandardHelpOptions = true,
            description = {"Sign the audit log's head now with this appliance's key: row count, last row hash and"
                    + " time, kept with every earlier signed head. Needs the passphrase.",
                "The head is also signed whenever the passphrase is used for something else."})
    static final class Sign extends TerminalCommand {
        Sign(CliContext context) {
            super(context);
        }

        @Override
        public Integer call() throws KeysException {
            Appliance appliance = global.open();
            SignedHead head;
            try (Passphrase passphrase = secrets().passphrase()) {
                head = appliance.keys().signAuditHead(passphrase, global.actor());
            }
            PrintWriter out = spec.commandLine().getOut();
            out.printf("Signed the audit log's head: rows 1 to %d, %s, key %s.%n", head.rows(),
                    AuditWords.when(head.signedAt()), Fingerprint.parse(head.keyFingerprint()));
            out.println("Note the row count and time: ./airlock audit verify proves every row up to it.");
            return ExitCodes.OK;
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

        private static final Table<AuditEntry> TABLE = Table.<AuditEntry>rowsOnly("")
                .col("SEQ", 7, e -> "#" + e.seq())
                .col("AT", 0, AuditEntry::at)
                .gap("  ").text("OPERATOR", 12, AuditEntry::operator)
                .col("ACTION", 16, AuditEntry::action)
                .text("SUBJECT", 14, AuditEntry::subject)
                .text("DETAILS", 0, AuditEntry::details);

        @Override
        public Integer call() {
            List<AuditEntry> entries = global.openToRead().audit().recent(Math.max(1, limit), subject.strip());
            TABLE.print(spec.commandLine().getOut(), json, entries);
            return ExitCodes.OK;
        }
    }
}
