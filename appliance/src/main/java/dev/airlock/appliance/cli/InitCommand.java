package dev.airlock.appliance.cli;

import dev.airlock.appliance.Appliance;
import dev.airlock.appliance.store.ApplianceInfo;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code airlock init}: creates the data store. */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = "Create the appliance's data store (refuses to overwrite an existing one).")
final class InitCommand implements Callable<Integer> {
    private final CliContext context;

    @Mixin
    GlobalOptions global;

    @Spec
    CommandSpec spec;

    @Option(names = "--role", required = true, paramLabel = "lab|gateway",
            description = "lab: the kiosk in the isolated lab; gateway: the connected side.")
    String role;

    @Option(names = "--name", required = true, paramLabel = "NAME",
            description = "A display name for this appliance (e.g. 'Lab 3 kiosk'). Never leaves the lab.")
    String name;

    InitCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        ApplianceInfo.Role r = ApplianceInfo.Role.of(role);
        if (Appliance.exists(global.dataDir())) {
            throw new Rejected("a data store already exists in " + global.dataDir()
                    + "; refusing to overwrite it (use another --data dir, or keep using this one)");
        }
        Appliance appliance = context.closeLater(Appliance.init(global.dataDir(), r, name, global.actor(), context.clock(),
                context.random()));
        ApplianceInfo info = appliance.info();
        var out = spec.commandLine().getOut();
        out.println("Created " + info.role().id() + " appliance '" + info.displayName() + "' in "
                + appliance.dataDir());
        out.println("Next: " + (r == ApplianceInfo.Role.LAB
                ? "put the collector kit on a lab stick: ./airlock collector-kit --to /media/STICK"
                : "wait for a lab's request bundle (comes with the bundle formats)"));
        return ExitCodes.OK;
    }
}
