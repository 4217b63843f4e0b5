package dev.airlock.appliance.cli;

import dev.airlock.appliance.Appliance;
import dev.airlock.appliance.bundles.QrTransfer;
import dev.airlock.appliance.gateway.BatchActivationConfig;
import dev.airlock.appliance.gateway.ConsolePhoneDesk;
import dev.airlock.appliance.gateway.GatewayException;
import dev.airlock.appliance.gateway.GatewayResult;
import dev.airlock.appliance.keys.Passphrase;
import dev.airlock.formats.FormatException;
import dev.airlock.formats.qr.QrOptions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code airlock gateway}: the connected side's commands. */
@Command(name = "gateway", mixinStandardHelpOptions = true,
        description = "Gateway role: answer lab requests with CIDs from BatchActivation or a phone call.",
        subcommands = GatewayCommand.Process.class)
final class GatewayCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a gateway command is required (process)");
    }

    enum Mode { ONLINE, PHONE }

    /** {@code airlock gateway process REQUEST --to STICK}. */
    @Command(name = "process", mixinStandardHelpOptions = true,
            description = {"Verify a lab's request, obtain a CID per record, and write the signed response under"
                + " STICK/AIRLOCK/inbound/.",
                "Every CID is kept in the CID cache at once and reused: an activation is never spent twice.",
                "Exit 0 when every record was answered, 1 when the response is partial or nothing was written."})
    static final class Process implements Callable<Integer> {
        private final CliContext context;

        Process(CliContext context) {
            this.context = context;
        }

        @Mixin
        GlobalOptions global;

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "REQUEST", description = "The request bundle file from the lab.")
        Path request;

        @Option(names = "--to", required = true, paramLabel = "STICK", description = "Stick root (or folder) to write"
                + " AIRLOCK/inbound/<response> on.")
        Path to;

        @Option(names = "--mode", paramLabel = "online|phone", defaultValue = "online",
                description = "online: BatchActivation (default); phone: type CIDs from a phone call.")
        Mode mode;

        @Option(names = "--endpoint", paramLabel = "URL", description = "BatchActivation URL for this run (default:"
                + " setting gateway.endpoint).")
        URI endpoint;

        @Option(names = "--qr", paramLabel = "DIR", description = "Also render the response as QR frames into DIR.")
        Path qrDir;

        @Option(names = "--resend-in-flight", description = "Ask again for records whose earlier request got no"
                + " stored answer (crash, time-out). Only when you are sure it was not answered: it may spend an"
                + " activation again.")
        boolean resendInFlight;

        @Option(names = "--parallel", paramLabel = "N", description = "Online: at most N calls to BatchActivation in"
                + " flight at once, 1 to " + BatchActivationConfig.MAX_PARALLEL + " (default: setting gateway.parallel;"
                + " 1 = one after another).")
        Integer parallel;

        @Option(names = "--keep-as-typed", description = "Phone mode: keep a CID group whose check digit does not"
                + " fit without asking (the check is advisory: use this only after reading the groups back to the"
                + " caller).")
        boolean keepAsTyped;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (parallel != null && (parallel < 1 || parallel > BatchActivationConfig.MAX_PARALLEL)) {
                throw new ParameterException(spec.commandLine(), "--parallel must be between 1 and "
                        + BatchActivationConfig.MAX_PARALLEL + ", not " + parallel);
            }
            request = UserPaths.inputFile(request, "the lab's request bundle file (STICK/AIRLOCK/outbound/"
                    + "airlock-request-....xml)");
            to = UserPaths.outputFolder(to);
            Appliance appliance = global.open();
            GatewayResult result;
            try (Passphrase passphrase = new SecretInput(context, err).passphrase()) {
                if (mode == Mode.PHONE) {
                    BufferedReader in = new BufferedReader(new InputStreamReader(context.stdin(),
                            StandardCharsets.UTF_8));
                    result = appliance.gateway().processByPhone(request, to, new ConsolePhoneDesk(in, out, keepAsTyped),
                            resendInFlight, passphrase, global.actor(), (done, total, ref, outcome) -> { });
                } else {
                    BatchActivationConfig config = BatchActivationConfig.fromSettings(global.settings(),
                            context.environment(), context.sleeper()::sleep);
                    if (endpoint != null) {
                        if (!"http".equals(endpoint.getScheme()) && !"https".equals(endpoint.getScheme())) {
                            throw new Rejected("--endpoint must be an http or https URL");
                        }
                        config = config.withEndpoint(endpoint);
                    }
                    if (parallel != null) {
                        config = config.withParallel(parallel);
                    }
                    result = appliance.gateway().processOnline(request, to, config, resendInFlight, passphrase,
                            global.actor(), (done, total, ref, outcome) -> out.printf(Locale.ROOT,
                                    "[%d/%d] %s: %s%n", done, total, ref, outcome));
                }
            } catch (GatewayException e) {
                throw new Rejected(e.getMessage());
            }
            out.printf(Locale.ROOT, "Request %s: %d record%s, %d CID%s (%d from the cache), %d error%s, %d in flight,"
                    + " %d not answered; %s.%n", result.requestId(), result.records(), Words.s(result.records()),
                    result.confirmed(), Words.s(result.confirmed()), result.fromCache(), result.failed(),
                    Words.s(result.failed()), result.inFlight(), result.unanswered(),
                    mode == Mode.PHONE ? "MAK counts are not asked by phone"
                            : result.countQueries() == 0 ? "no MAK's remaining activations were asked"
                            : "remaining activations learned for " + result.counts() + " of " + result.countQueries()
                                    + " MAK" + Words.s(result.countQueries()));
            if (result.responseFile().isPresent()) {
                Path file = result.responseFile().get();
                out.println((result.complete() ? "Response" : "Partial response") + " written: " + file);
                if (qrDir != null) {
                    try {
                        QrTransfer.Encoded frames = QrTransfer.encode(file, qrDir, QrOptions.defaults());
                        out.printf(Locale.ROOT, "QR frames: %d images and %s%n", frames.images().size(),
                                frames.framesFile());
                    } catch (FormatException e) {
                        throw new Rejected("the QR frames could not be made: " + e.getMessage());
                    }
                }
            } else {
                out.println("No response written: no record was answered.");
            }
            if (result.inFlight() > 0) {
                out.println(result.inFlight() + " record(s) are in flight: asked before, but the answer was never"
                        + " stored. Ask again only with --resend-in-flight (it may spend an activation again).");
            }
            result.problem().ifPresent(p -> err.println("airlock: " + p));
            return result.complete() ? ExitCodes.OK : ExitCodes.REJECTED;
        }
    }
}
