package dev.airlock.appliance.cli;

import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The top-level {@code airlock} command: lists its subcommands ({@link #SUBCOMMANDS}, added by
 * {@link Main#commandLine}: all of them, or only the one a command line names).
 */
@Command(name = "airlock",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Offline MAK proxy activation for isolated labs.", ""},
        footer = {"", "Exit codes: 0 ok, 1 input rejected, 2 usage error, 3 internal error.",
            "Run 'airlock COMMAND --help' for a command's options."})
final class AirlockCommand implements Runnable {
    /** Every subcommand, in the order the usage help lists them. */
    static final List<Class<?>> SUBCOMMANDS = List.of(
            InitCommand.class,
            StatusCommand.class,
            ListCommand.class,
            ShowCommand.class,
            IntakeCommand.class,
            AddCommand.class,
            AssignCommand.class,
            CollectorKitCommand.class,
            DemoCommand.class,
            StandInCommand.class,
            KioskCommand.class,
            AuditCommand.class,
            ConfigCommand.class,
            KeyCommand.class,
            TrustCommand.class,
            MakCommand.class,
            VerifyCommand.class,
            QrCommand.class,
            ExportCommand.class,
            ImportCommand.class,
            BundlesCommand.class,
            GatewayCommand.class,
            ActivationKitCommand.class,
            CidCommand.class,
            MarkAppliedCommand.class,
            ReuseCidCommand.class,
            OperatorCommand.class,
            BackupCommand.class,
            RestoreCommand.class,
            UpdateCommand.class);

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a command is required");
    }

    /** The subcommand called {@code word} (its name or an alias), if there is one. */
    static Optional<Class<?>> named(String word) {
        for (Class<?> c : SUBCOMMANDS) {
            Command command = c.getAnnotation(Command.class);
            if (command.name().equals(word) || List.of(command.aliases()).contains(word)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
