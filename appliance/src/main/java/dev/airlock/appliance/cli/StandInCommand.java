package dev.airlock.appliance.cli;

import dev.airlock.appliance.demo.DroppingProxy;
import dev.airlock.appliance.demo.StandInActivationService;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code airlock stand-in}: a made-up BatchActivation service on 127.0.0.1, to try the round trip. Needs no store. */
@Command(name = "stand-in", mixinStandardHelpOptions = true,
        description = {"Run a stand-in for Microsoft's BatchActivation service on 127.0.0.1 until Ctrl-C.",
            "It lets you try the whole round trip without Microsoft: same wire shape as the real service,"
                + " but its CIDs are made up and activate nothing. Point a gateway at it with --endpoint."})
final class StandInCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--port", paramLabel = "N", defaultValue = "8090", description = "Port on 127.0.0.1 (default: ${DEFAULT-VALUE}; 0 = any free port).")
    int port;

    @Option(names = "--remaining", paramLabel = "N", defaultValue = "500", description = "Activations left it reports for every MAK (default: ${DEFAULT-VALUE}).")
    long remaining;

    @Option(names = "--network", paramLabel = "MODE", defaultValue = "keep-alive", description = "How it treats"
            + " connections, to try the gateway on a network like yours: keep-alive (default), close-after-answer"
            + " (closes after each answer without saying so), close-while-idle (closes a connection idle for 1 s),"
            + " slow-answer (each answer in pieces, about 1 s), proxy-drops (a proxy in front that drops each"
            + " connection between requests).")
    String network;

    @Option(names = "--latency-ms", paramLabel = "MS", defaultValue = "0", description = "Wait MS milliseconds before"
            + " answering each call, as the real service far away does (default: ${DEFAULT-VALUE}; at most 60000).")
    int latencyMs;

    StandInCommand(CliContext context) {
        // needs nothing from the context: no store, no secrets
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (port < 0 || port > 65535) {
            throw new Rejected("--port must be between 0 and 65535");
        }
        if (latencyMs < 0 || latencyMs > 60_000) {
            throw new Rejected("--latency-ms must be between 0 and 60000");
        }
        boolean proxied = "proxy-drops".equals(network);
        StandInActivationService.Network net = null;
        for (StandInActivationService.Network n : StandInActivationService.Network.values()) {
            if (n.word().equals(network)) {
                net = n;
            }
        }
        if (net == null && !proxied) {
            throw new ParameterException(spec.commandLine(), "--network must be keep-alive, close-after-answer, close-while-idle, slow-answer or"
                    + " proxy-drops, not '" + network + "'");
        }
        try (StandInActivationService service = StandInActivationService.start(proxied ? 0 : port);
                DroppingProxy proxy = proxied ? DroppingProxy.inFrontOf(service.endpoint(), Duration.ofMillis(5),
                        port) : null) {
            service.remainingOtherwise(Math.max(0, remaining));
            service.network(proxied ? StandInActivationService.Network.KEEP_ALIVE : net);
            service.idleTimeout(Duration.ofSeconds(1));
            service.slowPiece(Duration.ofMillis(200));
            service.latency(Duration.ofMillis(latencyMs));
            URI endpoint = proxied ? proxy.endpoint(service.endpoint()) : service.endpoint();
            PrintWriter out = spec.commandLine().getOut();
            out.println("BatchActivation stand-in (made-up CIDs) listening on " + endpoint
                    + (proxied ? " (through a proxy that drops connections between requests)" : "")
                    + ("keep-alive".equals(network) ? "" : "; network: " + network)
                    + (latencyMs == 0 ? "" : "; each answer after " + latencyMs + " ms"));
            out.println("Use it: ./airlock gateway process REQUEST --to STICK --endpoint " + endpoint);
            out.println("Stop it with Ctrl-C.");
            out.flush();
            CountDownLatch forever = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(forever::countDown));
            forever.await();
        }
        return ExitCodes.OK;
    }
}
