package dev.airlock.appliance.cli;

import dev.airlock.appliance.Appliance;
import dev.airlock.appliance.keys.KeysException;
import dev.airlock.appliance.keys.Passphrase;
import dev.airlock.appliance.reimage.ForceOutcome;
import dev.airlock.appliance.reimage.Reimage;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code airlock reuse-cid}: supervisor override, reuse a stored CID although the IID changed. */
@Command(name = "reuse-cid", mixinStandardHelpOptions = true,
        description = {"Supervisor override: make the product's newest earlier CID (from its history) current and the"
                + " product REUSABLE although its IID differs (VAMT's 'require exact IID match' cleared).",
            "Windows may refuse such a CID. Needs --force and the supervisor passphrase; audited with a warning."})
final class ReuseCidCommand extends TerminalCommand {
    @Parameters(paramLabel = "PRODUCT_ID", description = "Product id (from ./airlock list).")
    long productId;

    @Option(names = "--force", description = "Confirm the override (required).")
    boolean force;

    ReuseCidCommand(CliContext context) {
        super(context);
    }

    @Override
    public Integer call() throws KeysException {
        if (!force) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "reuse-cid needs --force: the"
                    + " stored CID was obtained for another IID and Windows may refuse it. A product whose IID is"
                    + " unchanged is reused by intake by itself");
        }
        Appliance appliance = global.open();
        try (Passphrase passphrase = secrets().passphrase()) {
            appliance.keys().checkPassphrase(passphrase, global.actor());
        }
        ForceOutcome outcome = appliance.reimage().forceReuse(productId, global.actor());
        if (outcome instanceof ForceOutcome.Refused refused) {
            throw new IllegalArgumentException(refused.reason());
        }
        ForceOutcome.Forced r = (ForceOutcome.Forced) outcome;
        PrintWriter out = spec.commandLine().getOut();
        out.printf("Product %d (%s on %s) is now %s with the CID of its earlier IID (archived %s).%n",
                r.product().id(), r.product().name(), r.product().hostName(), r.product().state(),
                r.earlier().archivedAt());
        out.println(Reimage.FORCE_WARNING + ".");
        out.println("Next: ./airlock activation-kit --to STICK");
        return ExitCodes.OK;
    }
}
