package dev.airlock.appliance.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code airlock kiosk}: listed here so {@code --help} shows it; the launcher starts the kiosk
 * (a separate Spring Boot application in kiosk-ui) before this jar is ever reached.
 */
@Command(name = "kiosk", mixinStandardHelpOptions = true,
        description = {"Start the touch kiosk on http://127.0.0.1:8080 (loopback only).",
            "The launcher starts it (the kiosk application, built on first use).",
            "It prints the address, then a line with \"ready\" when it answers. Ctrl+C stops it."})
final class KioskCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR",
            description = "The data dir (default: $AIRLOCK_DATA, else ./data in this checkout).")
    String data;

    @Option(names = "--port", paramLabel = "N",
            description = "The port (default: $SERVER_PORT, else the kiosk.port setting, else 8080).")
    String port;

    @Parameters(arity = "0..*", hidden = true)
    List<String> ignored;

    KioskCommand(CliContext context) {
        // nothing from the context: this command only explains how the kiosk is started
    }

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("airlock: the kiosk is started by the launcher: ./airlock kiosk [--port N]"
                + " [--data DIR] (this jar holds the CLI only)");
        return ExitCodes.USAGE;
    }
}
