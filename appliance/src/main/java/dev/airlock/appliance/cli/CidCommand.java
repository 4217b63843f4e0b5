package dev.airlock.appliance.cli;

import dev.airlock.appliance.apply.ApplyCommand;
import dev.airlock.appliance.inventory.MachineDetail;
import dev.airlock.appliance.inventory.Product;
import dev.airlock.formats.outside.OutsideText;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code airlock cid}: CIDs for typing at a machine. */
@Command(name = "cid", mixinStandardHelpOptions = true, description = "Confirmation IDs for typing at a machine.",
        subcommands = CidCommand.Show.class)
final class CidCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a subcommand is required (show)");
    }

    /** {@code airlock cid show MACHINE}. */
    @Command(name = "show", mixinStandardHelpOptions = true,
            description = {"Print each CID of a machine in 8 groups of 6 (A-H, as in the phone activation dialog)",
                "with the command that applies it (slmgr /atp CID ACTID; Office 2010: ospp.vbs /actcid:CID)."})
    static final class Show implements Callable<Integer> {
        private static final String LETTERS = "ABCDEFGH";

        @Mixin
        GlobalOptions global;

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "MACHINE", description = "Machine id or host name.")
        String machine;

        @Override
        public Integer call() {
            MachineDetail d = global.openToRead().inventory().machine(machine).orElseThrow(() -> new Rejected(
                    "no machine '" + machine + "' (see ./airlock list)"));
            PrintWriter out = spec.commandLine().getOut();
            out.printf("%s (machine %d)%n", OutsideText.shown(d.machine().hostName()), d.machine().id());
            List<Product> withCid = d.products().stream().filter(p -> !p.cid().isEmpty()).toList();
            if (withCid.isEmpty()) {
                out.println("No CID stored for this machine yet.");
                return ExitCodes.OK;
            }
            for (Product p : withCid) {
                out.printf("%nProduct %d: %s  [%s]%n", p.id(), OutsideText.shown(p.name()), p.state());
                out.println("  IID: " + p.iidGrouped());
                List<String> groups = p.cid().orElseThrow().groups();
                StringBuilder labels = new StringBuilder("  ");
                StringBuilder digits = new StringBuilder("  ");
                for (int i = 0; i < groups.size(); i++) {
                    labels.append(String.format("%-7s", LETTERS.charAt(i)));
                    digits.append(String.format("%-7s", groups.get(i)));
                }
                out.println(labels.toString().stripTrailing());
                out.println(digits.toString().stripTrailing());
                out.println("  Apply: " + ApplyCommand.of(p).commandLine());
            }
            out.printf("%nAfterwards: ./airlock mark-applied PRODUCT_ID [--verified] (or collect the machine again).%n");
            return ExitCodes.OK;
        }
    }
}
