package dev.airlock.appliance.cli;

import dev.airlock.appliance.Appliance;
import dev.airlock.appliance.keys.KeysException;
import dev.airlock.appliance.keys.Passphrase;
import dev.airlock.appliance.operators.Operator;
import dev.airlock.appliance.operators.OperatorException;
import dev.airlock.appliance.operators.OperatorRole;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code airlock operator}: the kiosk's operators and their PINs. */
@Command(name = "operator", mixinStandardHelpOptions = true,
        description = {"Kiosk operators: technicians and supervisors who sign in at the kiosk with a PIN.",
            "add, remove and reset-pin need the supervisor passphrase (terminal prompt, or AIRLOCK_PASSPHRASE)."},
        subcommands = {OperatorCommand.Add.class, OperatorListCommand.class, OperatorCommand.Remove.class,
            OperatorCommand.ResetPin.class})
final class OperatorCommand extends GroupCommand {
    /** The environment variable scripts put a new PIN in. */
    static final String PIN_ENV = "AIRLOCK_PIN";

    OperatorCommand() {
        super("'add', 'list', 'remove' or 'reset-pin'");
    }

    /** {@code airlock operator add}. */
    @Command(name = "add", mixinStandardHelpOptions = true,
            description = {"Add a kiosk operator. The PIN (4 to 8 digits) is typed twice at a hidden prompt, or"
                    + " taken from AIRLOCK_PIN for scripts; never from the command line.",
                "Needs the supervisor passphrase."})
    static final class Add implements Callable<Integer> {
        private final CliContext context;

        @Mixin
        GlobalOptions global;

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "NAME", description = "The operator's name as shown at the kiosk (1 to 40"
                + " characters, unique ignoring case).")
        String name;

        @Option(names = "--role", required = true, paramLabel = "ROLE",
                description = "technician or supervisor.")
        OperatorRole role;

        Add(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws KeysException, IOException {
            Appliance appliance = global.open();
            checkPassphrase(context, spec, global, appliance);
            char[] pin = newPin(context, spec);
            try {
                Operator op = appliance.operators().add(name, role, pin, global.actor());
                spec.commandLine().getOut().printf("Added %s %s (operator %d). They sign in at the kiosk with"
                        + " their PIN.%n", op.role().id(), op.name(), op.id());
                return ExitCodes.OK;
            } catch (OperatorException e) {
                throw new Rejected(e.getMessage() + "; nothing was changed");
            }
        }
    }

    /**
     * A change to one named operator that needs the supervisor passphrase: finds the operator,
     * checks the passphrase, then {@link #change}s; a refused change leaves everything as it was.
     */
    abstract static class NamedOperatorChange implements Callable<Integer> {
        final CliContext context;

        @Mixin
        GlobalOptions global;

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "NAME", description = "The operator's name (from 'airlock operator list').")
        String name;

        NamedOperatorChange(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws KeysException, IOException {
            Appliance appliance = global.open();
            Operator op = named(appliance, name);
            checkPassphrase(context, spec, global, appliance);
            try {
                change(appliance, op);
            } catch (OperatorException e) {
                throw new Rejected(e.getMessage() + "; nothing was changed");
            }
            return ExitCodes.OK;
        }

        /** Makes the change to {@code op} and says what was done. */
        abstract void change(Appliance appliance, Operator op) throws OperatorException, IOException;
    }

    /** {@code airlock operator remove}. */
    @Command(name = "remove", mixinStandardHelpOptions = true,
            description = {"Remove a kiosk operator (the last supervisor cannot be removed).",
                "Needs the supervisor passphrase."})
    static final class Remove extends NamedOperatorChange {
        Remove(CliContext context) {
            super(context);
        }

        @Override
        void change(Appliance appliance, Operator op) throws OperatorException {
            appliance.operators().remove(op.id(), global.actor());
            spec.commandLine().getOut().printf("Removed %s %s (operator %d).%n", op.role().id(), op.name(), op.id());
        }
    }

    /** {@code airlock operator reset-pin}. */
    @Command(name = "reset-pin", mixinStandardHelpOptions = true,
            description = {"Give an operator a new PIN (also lifts a lockout after wrong PINs). The PIN is typed"
                    + " twice at a hidden prompt, or taken from AIRLOCK_PIN.",
                "Needs the supervisor passphrase."})
    static final class ResetPin extends NamedOperatorChange {
        ResetPin(CliContext context) {
            super(context);
        }

        @Override
        void change(Appliance appliance, Operator op) throws OperatorException, IOException {
            char[] pin = newPin(context, spec);
            appliance.operators().resetPin(op.id(), pin, global.actor());
            spec.commandLine().getOut().printf("New PIN set for %s (operator %d); any lockout is lifted.%n",
                    op.name(), op.id());
        }
    }

    private static Operator named(Appliance appliance, String name) {
        return appliance.operators().findByName(name).orElseThrow(() -> new Rejected("no operator called " + name
                + ": see ./airlock operator list"));
    }

    private static void checkPassphrase(CliContext context, CommandSpec spec, GlobalOptions global,
            Appliance appliance) throws KeysException {
        try (Passphrase passphrase = new SecretInput(context, spec.commandLine().getErr()).passphrase()) {
            appliance.keys().checkPassphrase(passphrase, global.actor());
        }
    }

    /** The new PIN: from AIRLOCK_PIN, else typed twice (hidden on a terminal, else two lines of stdin). */
    private static char[] newPin(CliContext context, CommandSpec spec) throws IOException {
        String fromEnv = context.environment().get(PIN_ENV);
        if (fromEnv != null && !fromEnv.isEmpty()) {
            return fromEnv.toCharArray();
        }
        SecretInput input = new SecretInput(context, spec.commandLine().getErr());
        char[] first = input.secretLine("New PIN (4 to 8 digits, not shown): ");
        return SecretInput.sameTwice(first, input.secretLine("Type it again: "), "PINs");
    }
}
