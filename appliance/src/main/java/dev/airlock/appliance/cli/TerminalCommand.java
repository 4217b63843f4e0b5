package dev.airlock.appliance.cli;

/** A {@link DataCommand} that talks with the person at the terminal: prompts, and secrets asked for hidden. */
abstract class TerminalCommand extends DataCommand {
    final CliContext context;

    TerminalCommand(CliContext context) {
        this.context = context;
    }

    /** The hidden prompts (the passphrase, a MAK) on this terminal, their words on stderr. */
    final SecretInput secrets() {
        return new SecretInput(context, spec.commandLine().getErr());
    }
}
