package dev.airlock.appliance.cli;

import dev.airlock.appliance.inventory.Product;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code airlock mark-applied}: record a CID put in by hand. */
@Command(name = "mark-applied", mixinStandardHelpOptions = true,
        description = {"Record that a product's CID was applied by hand (slmgr /atp, ospp.vbs /actcid or the phone"
                + " activation dialog; see 'airlock cid show'). Audited."})
final class MarkAppliedCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PRODUCT_ID", description = "Product id (from ./airlock list or cid show).")
    long productId;

    @Option(names = "--verified", description = "The machine shows Licensed: record VERIFIED too.")
    boolean verified;

    @Override
    public Integer call() {
        Product p = global.open().apply().markApplied(productId, verified, global.actor());
        spec.commandLine().getOut().printf("Product %d (%s on %s) is now %s%n", p.id(), p.name(), p.hostName(),
                p.state());
        return ExitCodes.OK;
    }
}
