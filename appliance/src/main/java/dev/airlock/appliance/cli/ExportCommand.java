package dev.airlock.appliance.cli;

import dev.airlock.appliance.Appliance;
import dev.airlock.appliance.export.BudgetWarning;
import dev.airlock.appliance.export.ExportOptions;
import dev.airlock.appliance.export.ExportRefusedException;
import dev.airlock.appliance.export.ExportResult;
import dev.airlock.appliance.export.ExportUnfinishedException;
import dev.airlock.appliance.inventory.StatusReport;
import dev.airlock.appliance.keys.KeysException;
import dev.airlock.appliance.keys.Passphrase;
import dev.airlock.formats.qr.QrOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code airlock export}: write a signed request bundle to a transfer stick. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Write a signed request bundle of COLLECTED products to STICK/AIRLOCK/outbound/ and mark them"
                + " EXPORTED.",
            "Products that need no CID (already Licensed, or KMS clients) are left out and counted.",
            "Refuses a lab stick (one holding AIRLOCK/collected, kit or results files) and, without --force, an"
                + " export larger than a MAK's last known remaining count. Needs the supervisor passphrase."})
final class ExportCommand extends TerminalCommand {
    @Option(names = "--to", required = true, paramLabel = "STICK", description = "The transfer stick's root.")
    Path to;

    @Option(names = "--group", paramLabel = "GROUP", description = "Only products of machines in this lab group.")
    String group;

    @Option(names = "--limit", paramLabel = "N", description = "At most N products (one bundle holds up to 20,000).")
    Integer limit;

    @Option(names = "--again", description = "Also send EXPORTED (still waiting) and REJECTED products once more.")
    boolean again;

    @Option(names = "--force", description = "Export although a MAK's known remaining count is too low.")
    boolean force;

    @Option(names = "--qr", paramLabel = "DIR", description = "Also render the bundle as QR frames into DIR.")
    Path qr;

    ExportCommand(CliContext context) {
        super(context);
    }

    @Override
    public Integer call() throws IOException {
        to = UserPaths.stickRoot(to);
        Appliance appliance = global.open();
        ExportOptions options = new ExportOptions(to, Optional.ofNullable(group), limit == null ? Integer.MAX_VALUE
                : limit, again, force, Optional.ofNullable(qr), QrOptions.defaults());
        PrintWriter out = spec.commandLine().getOut();
        ExportResult r;
        try (Passphrase passphrase = secrets().passphrase()) {
            r = appliance.export().run(options, passphrase, global.actor());
        } catch (ExportRefusedException e) {
            throw new Rejected(e.getMessage());
        } catch (KeysException e) {
            throw new Rejected(e.getMessage() + "; nothing was exported");
        } catch (ExportUnfinishedException e) {
            throw new Rejected(e.getMessage());
        } catch (IOException e) {
            throw new IOException("writing to the stick at " + to + " failed (" + Main.describe(e) + "); nothing was"
                    + " exported: no product is marked EXPORTED, and import ignores any temp file left. Check the stick"
                    + " (full, read-only or pulled out?) and run export again", e);
        }
        for (String line : r.swept()) {
            out.println("Stick: " + line);
        }
        for (BudgetWarning w : r.warnings()) {
            out.println("warning: " + w.message().replace(", or export anyway with --force", "") + " (--force given)");
        }
        out.printf("Wrote request %s with %d product%s to %s%n", r.bundle().id().substring(0, 8), r.products(),
                Words.s(r.products()), r.file());
        out.printf("%d product%s now EXPORTED. Carry the stick to the gateway; import its answer with"
                + " ./airlock import STICK%n", r.products(), r.products() == 1 ? " is" : "s are");
        if (r.skipped() > 0) {
            out.printf("%d product%s changed meanwhile and stayed as they were%n", r.skipped(),
                    Words.s(r.skipped()));
        }
        if (r.leftOver() > 0) {
            out.printf("%d more eligible product%s did not fit: run export again%n", r.leftOver(),
                    Words.s(r.leftOver()));
        }
        String leftOut = StatusReport.leftOutLine(r.notNeeded());
        if (!leftOut.isEmpty()) {
            out.printf("%s: they need no CID, so nothing was spent on them%n", leftOut);
        }
        r.qr().ifPresent(q -> out.printf("%d QR frame%s at %s written to %s (%s)%n", q.images().size(),
                Words.s(q.images().size()), q.options(), qr, q.framesFile()));
        return ExitCodes.OK;
    }
}
