package dev.airlock.tests;

import static dev.airlock.tests.Journey.ok;
import static dev.airlock.tests.Journey.only;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.airlock.appliance.cli.CommandTree;
import dev.airlock.appliance.gateway.StandInBatchActivation;
import dev.airlock.appliance.testing.UpdateRelease;
import dev.airlock.tests.netns.NetNamespace;
import dev.airlock.tests.netns.SocketWatch;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No command opens a socket beyond loopback: every command of the CLI's tree runs with real input
 * inside a fresh network namespace that also has a non-loopback address (so a bind to 0.0.0.0 or
 * 192.0.2.10, or a connect anywhere, would work if the code tried), under strace and with the
 * namespace's socket tables sampled until it exits. The gateway's call to its configured endpoint
 * is the one allowed connection, checked on its own against a stand-in in a second namespace.
 */
class NoNetworkCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration LIMIT = Duration.ofSeconds(180);
    /** Covered by {@link #gatewayProcess_connectsOnlyToItsConfiguredEndpoint}, not by the lab's run. */
    private static final Set<String> ELSEWHERE = Set.of("gateway process");

    @TempDir
    Path tmp;

    private NetNamespace ns;
    private final Map<String, String> seen = new LinkedHashMap<>();

    @BeforeEach
    void namespace() throws Exception {
        var why = NetNamespace.unavailable();
        assumeTrue(why.isEmpty(), () -> "skipped: " + why.orElseThrow());
    }

    @AfterEach
    void closeNamespace() throws Exception {
        if (ns != null) {
            ns.close();
        }
    }

    @Test
    void everyCommand_inAFreshNamespace_listensAndConnectsOnLoopbackOnly() throws Exception {
        ns = NetNamespace.create();
        assertThat(ns.interfaces()).contains("lo").contains(NetNamespace.ADDRESS);
        Path lab = tmp.resolve("lab");
        Path gw = tmp.resolve("gw");
        Path cards = tmp.resolve("cards");
        Path stick = tmp.resolve("stick");
        Path transfer = Files.createDirectories(tmp.resolve("transfer"));

        // Both appliances set up and enrolled, each command watched.
        run(lab, "init", "--role", "lab", "--name", "Lab 3");
        run(gw, "init", "--role", "gateway", "--name", "Gateway");
        run(Set.of(2), null, "key");
        run(Set.of(1), lab, "key", "init"); // it has one already: refused, nothing changed
        run(lab, "key", "show");
        String labPrint = Journey.fingerprint(cli(run(lab, "key", "card", "--to",
                Files.createDirectories(cards.resolve("lab")).toString(), "--label", "Lab 3")));
        String gwPrint = Journey.fingerprint(cli(run(gw, "key", "card", "--to",
                Files.createDirectories(cards.resolve("gw")).toString(), "--label", "GW")));
        run(Set.of(2), null, "trust");
        run(gw, "trust", "add", only(cards.resolve("lab")).toString(), "--fingerprint", labPrint);
        run(lab, "trust", "add", only(cards.resolve("gw")).toString(), "--fingerprint", gwPrint);
        run(lab, "trust", "list");

        // Collect: demo machines, the kit, intake, groups.
        run(null, "demo", "--machines", "6", "--to", stick.toString());
        run(null, "collector-kit", "--to", stick.toString());
        run(lab, "intake", stick.toString());
        JsonNode products = JSON.readTree(run(lab, "list", "--json").out());
        run(lab, "list");
        run(lab, "status");
        run(lab, "assign", "--group", "Room 1", products.get(0).get("machineId").asText());
        run(Set.of(2), null, "mak");
        Map<String, String> noEnv = Map.of();
        run(Set.of(0), lab, Map.of("AIRLOCK_PASSPHRASE", Cli.PASSPHRASE), "BCDFG-HJKMP-QRTVW-XY234-6789B\n", "mak", "add",
                "--description", "Windows 11");
        run(lab, "mak", "list");
        run(lab, "config");
        run(Set.of(2), null, "config", "set");
        run(lab, "config", "set", "qr.version", "20");
        run(Set.of(2), null, "operator");
        run(Set.of(0), lab, secrets("2468"), "", "operator", "add", "Anna", "--role", "supervisor");
        run(lab, "operator", "list");
        run(Set.of(0), lab, secrets("86420"), "", "operator", "reset-pin", "Anna");

        // Export, carried over on plain folders; the QR path too.
        run(lab, "export", "--to", transfer.toString());
        Path request = only(transfer.resolve("AIRLOCK/outbound"));
        // a machine typed in by hand after the export (not a demo machine: demo apply would refuse its kit)
        run(lab, "add", "--host", "LAB-PC-0099", "--group", "Room 2", "--sku", "{73111121-5638-40F6-BC11-F1D7B0D64300}",
                "--name", "Windows 11 Enterprise", "--epid", "03612-03308-000-000000-03-1033-22631.0000-0242024", "--iid",
                "1234565 2345670 3456782 4567894 5678900 6789016 7890122 8901231 9012344");
        run(lab, "show", "LAB-PC-0099");
        run(Set.of(2), null, "bundles");
        run(lab, "bundles", "list");
        run(lab, "verify", request.toString());
        run(Set.of(2), null, "qr");
        Path frames = tmp.resolve("frames");
        run(null, "qr", "encode", request.toString(), "--to", frames.toString());
        List<String> decode = new ArrayList<>(List.of("qr", "decode", "--to", tmp.resolve("decoded").toString()));
        try (Stream<Path> s = Files.list(frames)) {
            s.filter(p -> p.toString().endsWith(".png")).sorted().map(Path::toString).forEach(decode::add);
        }
        run(Set.of(0, 1), null, noEnv, "", decode.toArray(String[]::new));

        // The gateway's round trip itself is the allowed exception (its own test below): here it runs
        // outside the namespace, against the stand-in in this JVM, only to give the lab a response.
        try (StandInBatchActivation microsoft = StandInBatchActivation.start()) {
            ok(Cli.airlock(gw, "gateway", "process", request.toString(), "--to", transfer.toString(), "--endpoint",
                    microsoft.endpoint().toString()));
        }
        run(Set.of(2), null, "gateway");

        // Import, apply, verify, the activation bookkeeping.
        run(lab, "import", transfer.toString());
        run(Set.of(2), null, "cid");
        run(lab, "cid", "show", products.get(0).get("hostName").asText());
        run(Set.of(0, 1), lab, "mark-applied", products.get(1).get("id").asText());
        run(lab, "activation-kit", "--to", stick.toString());
        run(null, "demo", "apply", "--stick", stick.toString());
        run(lab, "intake", stick.resolve("AIRLOCK/results").toString());
        long typed = JSON.readTree(run(lab, "show", "LAB-PC-0099", "--json").out()).get("products").get(0).get("id")
                .asLong();
        run(Set.of(0, 1), lab, "reuse-cid", Long.toString(typed), "--force");
        run(Set.of(2), null, "audit");
        run(lab, "audit", "sign");
        run(lab, "audit", "verify");
        run(lab, "audit", "log");

        // Backup and restore, removals, updates.
        Path backups = Files.createDirectories(tmp.resolve("backups"));
        run(lab, "backup", "--to", backups.toString());
        Path backup;
        try (Stream<Path> s = Files.walk(backups)) {
            backup = s.filter(p -> p.toString().endsWith(".alb")).findFirst().orElseThrow();
        }
        run(tmp.resolve("restored"), "restore", backup.toString());
        run(Set.of(0), lab, secrets("1357"), "", "operator", "add", "Ben", "--role", "technician");
        run(Set.of(0), lab, secrets(null), "", "operator", "remove", "Ben");
        run(lab, "mak", "remove", "1");
        run(lab, "trust", "remove", "GW");
        UpdateRelease release = new UpdateRelease(tmp.resolve("release"), null);
        Path updateStick = Files.createDirectories(tmp.resolve("update-stick"));
        UpdateRelease.write(updateStick, "2027.01.01.1", 4096);
        Map<String, String> update = new HashMap<>(Map.of("AIRLOCK_PASSPHRASE", Cli.PASSPHRASE,
                "AIRLOCK_UPDATE_RELEASE_KEY", release.releaseKey.toString(), "AIRLOCK_UPDATE_OS_RELEASE",
                release.osRelease.toString()));
        run(Set.of(2), null, "update");
        run(Set.of(0, 1), lab, update, "", "update", "check", updateStick.toString());
        run(Set.of(1), lab, update, "", "update", "stage", updateStick.toString()); // not an appliance image: refused
        run(Set.of(0), lab, update, "", "update", "status");
        run(Set.of(2), null, "kiosk"); // the jar only says the launcher starts it (the kiosk's own test runs it)

        // The stand-in is a server: it may listen, on loopback.
        SocketWatch standIn = SocketWatch.start(ns, Cli.command(null, "stand-in", "--port", "0"), Map.of(), "", Set.of(),
                tmp.resolve("watch"));
        Await.until("the stand-in says where it listens", Duration.ofSeconds(60),
                () -> standIn.outSoFar().contains("listening on") || !standIn.alive());
        // the sampler runs beside it: on a busy machine it may not have looked yet when the line appears
        Await.until("the socket tables show the stand-in listening", Duration.ofSeconds(60),
                () -> !standIn.listenersSoFar().isEmpty() || !standIn.alive());
        SocketWatch.Result standInRun = standIn.stop();
        note(List.of("stand-in"), standInRun);
        assertThat(standInRun.out()).contains("listening on http://127.0.0.1:");
        assertThat(standInRun.observed().listeners()).isNotEmpty();

        // Every command of the tree ran here with real input: a new command must be added above.
        List<String> missing = CommandTree.names().stream().filter(n -> !seen.containsKey(n) && !ELSEWHERE.contains(n))
                .toList();
        assertThat(missing).as("commands never run in the namespace: add a real run of each to this test").isEmpty();
        report("no-network-cli.txt", ns.interfaces());
    }

    @Test
    void gatewayProcess_connectsOnlyToItsConfiguredEndpoint() throws Exception {
        Path lab = tmp.resolve("lab");
        Path gw = tmp.resolve("gw");
        Path transfer = Files.createDirectories(tmp.resolve("transfer"));
        Journey.initAndEnroll(tmp.resolve("cards"), lab, gw);
        ok(Cli.airlock(null, "demo", "--machines", "5", "--to", tmp.resolve("stick").toString()));
        ok(Cli.airlock(lab, "intake", tmp.resolve("stick").toString()));
        ok(Cli.airlock(lab, "export", "--to", transfer.toString()));
        Path request = only(transfer.resolve("AIRLOCK/outbound"));

        // The gateway in one namespace (192.0.2.10), "the connected zone" in another (192.0.2.20):
        // the stand-in on its loopback, reachable on 192.0.2.20:8080 through socat.
        NetNamespace[] pair = NetNamespace.pair();
        ns = pair[0];
        String interfaces;
        try (NetNamespace zone = pair[1]) {
            interfaces = ns.interfaces() + "\n(the connected zone: " + zone.interfaces().replace('\n', ';') + ")";
            List<String> standInCmd = zone.inside(Cli.command(null, "stand-in", "--port", "0"));
            Path standInOut = tmp.resolve("stand-in.txt");
            Process standIn = new ProcessBuilder(standInCmd).redirectErrorStream(true)
                    .redirectOutput(standInOut.toFile()).start();
            Process relay = null;
            try {
                Await.until("the stand-in says where it listens", Duration.ofSeconds(60),
                        () -> Files.readString(standInOut).contains("listening on") || !standIn.isAlive());
                URI local = URI.create(Files.readString(standInOut).replaceAll("(?s).*listening on (\\S+).*", "$1"));
                relay = new ProcessBuilder(zone.inside(List.of("socat", "TCP-LISTEN:8080,bind=" + NetNamespace.PEER_ADDRESS
                        + ",fork,reuseaddr", "TCP:127.0.0.1:" + local.getPort()))).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                Await.until("socat listens on " + NetNamespace.PEER_ADDRESS, Duration.ofSeconds(20),
                        () -> zone.exec("ss", "-Htln").contains(NetNamespace.PEER_ADDRESS + ":8080"));
                URI endpoint = URI.create("http://" + NetNamespace.PEER_ADDRESS + ":8080" + local.getRawPath());
                InetSocketAddress allowed = new InetSocketAddress(NetNamespace.PEER_ADDRESS, 8080);

                SocketWatch.Result r = SocketWatch.run(ns, Cli.command(gw, "gateway", "process", request.toString(),
                        "--to", transfer.toString(), "--endpoint", endpoint.toString()), Map.of("AIRLOCK_PASSPHRASE",
                        Cli.PASSPHRASE), "", Set.of(allowed), tmp.resolve("watch"), LIMIT);
                note(List.of("gateway", "process"), r);
                assertThat(r.exit()).as(r.all()).isZero();
                assertThat(r.observed().violations()).as(r.observed().summary()).isEmpty();
                assertThat(r.observed().trace().connects()).as("the gateway connected to its endpoint")
                        .isGreaterThan(0);
                assertThat(r.observed().trace().inetTargets()).as("its only inet calls: connects to the configured endpoint")
                        .containsExactly("connect " + NetNamespace.PEER_ADDRESS + ":8080");
                assertThat(r.observed().remotes()).as("the kernel saw it connected to the endpoint only").isNotEmpty()
                        .allMatch(remote -> remote.endsWith(" " + NetNamespace.PEER_ADDRESS + ":8080"));
                assertThat(r.observed().listeners()).as("the gateway listens on nothing").isEmpty();
            } finally {
                if (relay != null) {
                    relay.destroy();
                    relay.waitFor();
                }
                standIn.destroy();
                standIn.waitFor();
            }
        }
        ok(Cli.airlock(lab, "import", transfer.toString()));
        report("no-network-gateway.txt", interfaces);
    }

    private Map<String, String> secrets(String pin) {
        Map<String, String> env = new HashMap<>(Map.of("AIRLOCK_PASSPHRASE", Cli.PASSPHRASE));
        if (pin != null) {
            env.put("AIRLOCK_PIN", pin);
        }
        return env;
    }

    private SocketWatch.Result run(Path data, String... args) throws Exception {
        return run(Set.of(0), data, args);
    }

    private SocketWatch.Result run(Set<Integer> exits, Path data, String... args) throws Exception {
        return run(exits, data, Map.of("AIRLOCK_PASSPHRASE", Cli.PASSPHRASE), "", args);
    }

    /** Runs {@code airlock ARGS} in the namespace, watched; it must exit with one of {@code exits} and break no rule. */
    private SocketWatch.Result run(Set<Integer> exits, Path data, Map<String, String> env, String stdin, String... args)
            throws Exception {
        SocketWatch.Result r = SocketWatch.run(ns, Cli.command(data, args), env, stdin, Set.of(), tmp.resolve("watch"),
                LIMIT);
        assertThat(r.exit()).as(String.join(" ", args) + ": " + r.all()).isIn(exits);
        assertThat(r.exit()).as("never an internal error").isNotEqualTo(3);
        note(List.of(args), r);
        return r;
    }

    /** Records the run under its command's name (the longest prefix of its words that names a command). */
    private void note(List<String> args, SocketWatch.Result r) {
        assertThat(r.observed().violations()).as(String.join(" ", args) + ": " + r.observed().summary()).isEmpty();
        Set<String> names = new LinkedHashSet<>(CommandTree.names());
        String name = null;
        for (int i = 1; i <= args.size(); i++) {
            String prefix = String.join(" ", args.subList(0, i));
            if (names.contains(prefix)) {
                name = prefix;
            }
        }
        seen.merge(name == null ? String.join(" ", args) : name, r.observed().summary(), (a, b) -> b);
    }

    private static Cli.Run cli(SocketWatch.Result r) {
        return new Cli.Run(r.exit(), r.out(), r.err());
    }

    /** What each command's watch saw, in tests/target/ (the figures the README and the issue quote). */
    private void report(String file, String interfaces) throws Exception {
        StringBuilder sb = new StringBuilder("Interfaces in the namespace:\n" + interfaces + "\n\n");
        seen.forEach((name, summary) -> sb.append(name).append(": ").append(summary).append('\n'));
        Path out = Cli.ROOT.resolve("tests/target/" + file);
        Files.createDirectories(out.getParent());
        Files.writeString(out, sb.toString());
    }
}
