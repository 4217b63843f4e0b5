package dev.airlock.appliance.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** A command that only groups subcommands: given none, it is a usage error that names them. */
abstract class GroupCommand implements Runnable {
    @Spec
    CommandSpec spec;

    private final String choices;

    /** {@code choices}: the subcommands as the error says them, e.g. {@code "'add', 'list' or 'remove'"}. */
    GroupCommand(String choices) {
        this.choices = choices;
    }

    @Override
    public final void run() {
        throw new ParameterException(spec.commandLine(), "say " + choices);
    }
}
