package dev.airlock.appliance.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code airlock assign}: put machines into a lab group. */
@Command(name = "assign", mixinStandardHelpOptions = true, description = "Put machines into a lab group (created if new).")
final class AssignCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    @Spec
    CommandSpec spec;

    @Option(names = "--group", required = true, paramLabel = "GROUP", description = "The lab group.")
    String group;

    @Parameters(paramLabel = "MACHINE_ID", arity = "1..*", description = "Machine ids (from 'airlock list').")
    List<Long> machines;

    @Override
    public Integer call() {
        int moved = global.open().collect().assignGroup(machines, group, global.actor());
        spec.commandLine().getOut().printf("%d machine%s moved to group %s%n", moved, Words.s(moved), group);
        return ExitCodes.OK;
    }
}
