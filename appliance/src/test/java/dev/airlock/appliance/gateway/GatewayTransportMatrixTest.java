package dev.airlock.appliance.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.appliance.Appliance;
import dev.airlock.appliance.demo.DroppingProxy;
import dev.airlock.appliance.demo.StandInActivationService.Mode;
import dev.airlock.appliance.demo.StandInActivationService.Network;
import dev.airlock.appliance.keys.CheapKeys;
import dev.airlock.appliance.keys.Passphrase;
import dev.airlock.appliance.store.ApplianceInfo;
import dev.airlock.appliance.testing.Samples;
import dev.airlock.formats.bundle.BundleFile;
import dev.airlock.formats.bundle.CountQuery;
import dev.airlock.formats.bundle.ExportRecord;
import dev.airlock.formats.bundle.RequestBundle;
import dev.airlock.formats.bundle.ResponseBundle;
import dev.airlock.formats.bundle.SignedBundle;
import dev.airlock.formats.ids.ApplicationId;
import dev.airlock.formats.ids.ExtendedProductId;
import dev.airlock.formats.ids.InstallationId;
import dev.airlock.formats.ids.SkuId;
import dev.airlock.formats.signature.PublicKey;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The transport matrix: whole gateway runs (real store, keys, signed bundles) of
 * {@code airlock.transport.runs} runs × {@code airlock.transport.records} records (default 5 × 50,
 * always on; {@code tests/bench-transport.sh} runs 50 × 50) against the stand-in in each way a
 * network treats connections, one call at a time and with 8 in flight. Every run must answer every
 * record and count, and no (IID, ePID) pair may reach the service twice (the stand-in counts what
 * it was asked). Figures go to stdout and {@code target/transport-matrix.txt}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GatewayTransportMatrixTest {
    static final String PASS = "correct horse battery staple";
    static final int RUNS = Integer.getInteger("airlock.transport.runs", 5);
    static final int RECORDS = Integer.getInteger("airlock.transport.records", 50);
    static final int EPIDS = 5;
    static final List<String> FIGURES = new ArrayList<>();

    Path tmp;

    Appliance lab;
    Appliance gateway;

    /** A way the network between gateway and service behaves. */
    enum Net { KEEP_ALIVE, CLOSE_AFTER_ANSWER, CLOSE_WHILE_IDLE, SLOW_ANSWER, PROXY_DROPS_BETWEEN_REQUESTS }

    @BeforeAll
    void setUp(@TempDir Path dir) throws Exception {
        tmp = dir;
        lab = Appliance.init(tmp.resolve("lab"), ApplianceInfo.Role.LAB, "lab", Samples.SUPERVISOR, Samples.CLOCK,
                new SplittableRandom(1), CheapKeys.prepare(PASS), d -> { });
        gateway = Appliance.init(tmp.resolve("gw"), ApplianceInfo.Role.GATEWAY, "gw", Samples.SUPERVISOR,
                Samples.CLOCK, new SplittableRandom(2), CheapKeys.prepare(PASS), d -> { });
        PublicKey labKey = lab.keys().publicKey();
        gateway.enroll().pin(ApplianceInfo.Role.LAB, "Lab 3", labKey, labKey.fingerprint(), Samples.SUPERVISOR);
    }

    @AfterAll
    void tearDown() throws IOException {
        lab.close();
        gateway.close();
        Path out = Path.of("target", "transport-matrix.txt");
        Files.createDirectories(out.getParent());
        Files.write(out, FIGURES, StandardCharsets.UTF_8);
        FIGURES.forEach(System.out::println);
    }

    static ExtendedProductId epid(int k) throws Exception {
        return ExtendedProductId.parse(String.format(Locale.ROOT, "03612-03308-000-%06d-03-1033-9200.0000-0242016", k));
    }

    /** A signed request of {@code records} fresh IIDs (unique over the whole matrix) over 5 ePIDs, one count each. */
    private Path request(String tag, int base, int records) throws Exception {
        List<ExportRecord> recs = new ArrayList<>();
        for (int i = 0; i < records; i++) {
            recs.add(new ExportRecord(SkuId.parse("73111121-5638-40f6-bc11-f1d7b0d64300"), ApplicationId.WINDOWS,
                    "Windows 11 Enterprise", epid(i % EPIDS), InstallationId.parse(String.format("%063d",
                            10_000_000L + base + i))));
        }
        List<CountQuery> queries = new ArrayList<>();
        for (int k = 0; k < EPIDS; k++) {
            queries.add(CountQuery.of(epid(k)));
        }
        PublicKey key = lab.keys().publicKey();
        RequestBundle.Built built = RequestBundle.build(key.id(), recs, queries, Samples.NOW,
                new SplittableRandom(base));
        SignedBundle signed = SignedBundle.sign(built.bundle(), key.id(),
                lab.keys().signer(Passphrase.of(PASS), Samples.SUPERVISOR));
        Path file = tmp.resolve("req-" + tag + "-" + base + ".xml");
        Files.write(file, BundleFile.write(signed, key));
        return file;
    }

    private GatewayResult process(URI endpoint, Path request, boolean resend, List<Duration> slept) throws Exception {
        return process(endpoint, request, resend, slept, 1);
    }

    private GatewayResult process(URI endpoint, Path request, boolean resend, List<Duration> slept, int parallel)
            throws Exception {
        return gateway.gateway().processOnline(request, tmp.resolve("stick"),
                BatchActivationConfig.direct(endpoint, Duration.ofSeconds(10), 2, slept::add).withParallel(parallel),
                resend, Passphrase.of(PASS), Samples.TECHNICIAN, GatewayListener.silent());
    }

    @ParameterizedTest
    @EnumSource(Net.class)
    void everyRunAnswersEveryRecord_andNoPairIsAskedTwice(Net net) throws Exception {
        matrix(net, 1);
    }

    @ParameterizedTest
    @EnumSource(Net.class)
    void withEightCallsInFlight_everyRunAnswersEveryRecord_andNoPairIsAskedTwice(Net net) throws Exception {
        matrix(net, 8);
    }

    private void matrix(Net net, int parallel) throws Exception {
        int base = (net.ordinal() + 1) * 1_000_000 + (parallel - 1) * 100_000;
        List<Duration> slept = java.util.Collections.synchronizedList(new ArrayList<>());
        List<String> failures = new ArrayList<>();
        long started = System.nanoTime();
        int dropped = 0;
        try (StandInBatchActivation service = StandInBatchActivation.start()) {
            service.remainingOtherwise(42);
            DroppingProxy proxy = null;
            switch (net) {
                case KEEP_ALIVE, PROXY_DROPS_BETWEEN_REQUESTS -> service.network(Network.KEEP_ALIVE);
                case CLOSE_AFTER_ANSWER -> service.network(Network.CLOSE_AFTER_ANSWER);
                case CLOSE_WHILE_IDLE -> {
                    service.network(Network.CLOSE_WHILE_IDLE);
                    service.idleTimeout(Duration.ofMillis(1));
                }
                case SLOW_ANSWER -> {
                    service.network(Network.SLOW_ANSWER);
                    service.slowPiece(Duration.ofMillis(1));
                }
                default -> throw new IllegalStateException();
            }
            URI endpoint = service.endpoint();
            if (net == Net.PROXY_DROPS_BETWEEN_REQUESTS) {
                proxy = DroppingProxy.inFrontOf(endpoint, Duration.ofMillis(1));
                endpoint = proxy.endpoint(endpoint);
            }
            try {
                for (int run = 0; run < RUNS; run++) {
                    GatewayResult r = process(endpoint, request(net.name(), base + run * 1_000, RECORDS), false,
                            slept, parallel);
                    if (!r.complete() || r.confirmed() != RECORDS || r.counts() != EPIDS) {
                        failures.add("run " + run + ": " + r);
                    }
                }
            } finally {
                if (proxy != null) {
                    dropped = proxy.dropped();
                    proxy.close();
                }
            }
            long ms = Duration.ofNanos(System.nanoTime() - started).toMillis();
            Map<String, Integer> times = new HashMap<>();
            service.asked().stream().filter(a -> a.startsWith("1:")).forEach(a -> times.merge(a, 1, Integer::sum));
            long twice = times.values().stream().filter(n -> n > 1).count();
            long counts = service.asked().stream().filter(a -> a.startsWith("2:")).count();
            FIGURES.add(String.format(Locale.ROOT, "%-30s %d in flight, runs %d x records %d: failures %d, pairs asked"
                    + " twice %d, CIDs asked %d, counts asked %d (of %d), connections %d%s, backoff retries %d, %d ms",
                    net, parallel, RUNS, RECORDS, failures.size(), twice, times.size(), counts, RUNS * EPIDS,
                    service.connections(),
                    net == Net.PROXY_DROPS_BETWEEN_REQUESTS ? " (proxy dropped " + dropped + ")" : "", slept.size(),
                    ms));
            assertThat(failures).isEmpty();
            assertThat(twice).isZero();
            assertThat(times).hasSize(RUNS * RECORDS);
            assertThat(service.rejections()).isEmpty();
            assertThat(slept).as("no failure needed a retry with backoff").isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(value = Mode.class, names = {"BREAK_MID_ANSWER", "CLOSE_WITHOUT_ANSWER"})
    void answerLostAfterTheRequestWasSent_leavesExactlyThatRecordInFlight_andResendFinishesIt(Mode fault)
            throws Exception {
        int base = (20 + fault.ordinal()) * 1_000_000;
        int runs = Math.max(1, RUNS / 5);
        List<String> failures = new ArrayList<>();
        long started = System.nanoTime();
        int resent = 0;
        try (StandInBatchActivation service = StandInBatchActivation.start()) {
            for (int run = 0; run < runs; run++) {
                Path req = request(fault.name(), base + run * 1_000, RECORDS);
                int broken = 7 + run % 20;
                service.behaveAfter(broken, fault, 1);
                List<Duration> slept = new ArrayList<>();
                int before = service.asked().size();
                GatewayResult first = process(service.endpoint(), req, false, slept);
                if (first.inFlight() != 1 || first.confirmed() != broken || first.problem().isEmpty()
                        || !first.problem().get().contains("--resend-in-flight")) {
                    failures.add("run " + run + " first: " + first);
                }
                String inFlight = service.asked().get(before + broken);
                GatewayResult again = process(service.endpoint(), req, false, slept);
                if (again.inFlight() != 1 || again.complete()) {
                    failures.add("run " + run + " again: " + again);
                }
                long askedAgain = service.asked().subList(before, service.asked().size()).stream()
                        .filter(inFlight::equals).count();
                if (askedAgain != 1) {
                    failures.add("run " + run + ": the in-flight pair was asked " + askedAgain + " times without"
                            + " --resend-in-flight");
                }
                GatewayResult finished = process(service.endpoint(), req, true, slept);
                resent++;
                if (!finished.complete() || finished.confirmed() != RECORDS) {
                    failures.add("run " + run + " resend: " + finished);
                }
                ResponseBundle resp = BundleFile.read(finished.responseFile().orElseThrow()).response();
                if (resp.answers().size() != RECORDS) {
                    failures.add("run " + run + ": response holds " + resp.answers().size() + " answers");
                }
            }
            Map<String, Integer> times = new HashMap<>();
            service.asked().stream().filter(a -> a.startsWith("1:")).forEach(a -> times.merge(a, 1, Integer::sum));
            long twice = times.values().stream().filter(n -> n > 1).count();
            FIGURES.add(String.format(Locale.ROOT, "%-30s runs %d x records %d: failures %d, pairs asked twice %d"
                    + " (each the one in-flight record, asked again with --resend-in-flight: %d), %d ms", fault, runs,
                    RECORDS, failures.size(), twice, resent, Duration.ofNanos(System.nanoTime() - started).toMillis()));
            assertThat(failures).isEmpty();
            assertThat(twice).isEqualTo(resent);
        }
    }
}
