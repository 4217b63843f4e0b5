package dev.airlock.appliance.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The top-level {@code airlock} command: lists its subcommands. */
@Command(name = "airlock",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Offline MAK proxy activation for isolated labs.", ""},
        subcommands = {
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
            UpdateCommand.class,
        },
        footer = {"", "Exit codes: 0 ok, 1 input rejected, 2 usage error, 3 internal error.",
            "Run 'airlock COMMAND --help' for a command's options."})
final class AirlockCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a command is required");
    }
}
