package dev.airlock.appliance.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.appliance.Appliance;
import dev.airlock.appliance.demo.StandInActivationService.Mode;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway with several calls in flight, against the real stand-in on 127.0.0.1 (each call
 * waits, so calls overlap): no pair is asked twice, never more than N calls at once, a call
 * broken mid-answer leaves exactly its own record in flight, and the report and the response are
 * the sequential run's, whatever order the answers come in.
 */
class GatewayConcurrencyTest {
    static final String PASS = "correct horse battery staple";
    static final int PARALLEL = 8;

    @TempDir
    Path tmp;

    Appliance lab;
    StandInBatchActivation service;
    final List<Duration> slept = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void setUp() throws Exception {
        lab = Appliance.init(tmp.resolve("lab"), ApplianceInfo.Role.LAB, "lab", Samples.SUPERVISOR, Samples.CLOCK,
                new SplittableRandom(1), CheapKeys.prepare(PASS), d -> { });
        service = StandInBatchActivation.start();
        service.remainingOtherwise(42);
    }

    @AfterEach
    void tearDown() {
        service.close();
        lab.close();
    }

    private Appliance gateway(String name) throws Exception {
        Appliance gw = Appliance.init(tmp.resolve(name), ApplianceInfo.Role.GATEWAY, name, Samples.SUPERVISOR,
                Samples.CLOCK, new SplittableRandom(2), CheapKeys.prepare(PASS), d -> { });
        PublicKey labKey = lab.keys().publicKey();
        gw.enroll().pin(ApplianceInfo.Role.LAB, "Lab 3", labKey, labKey.fingerprint(), Samples.SUPERVISOR);
        return gw;
    }

    static ExtendedProductId epid(int k) throws Exception {
        return ExtendedProductId.parse(String.format(Locale.ROOT, "03612-03308-000-%06d-03-1033-9200.0000-0242016", k));
    }

    static String iid(int n) {
        return String.format(Locale.ROOT, "%063d", 30_000_000L + n);
    }

    /** A signed request of {@code records} IIDs over 3 ePIDs (records listed in {@code duplicates} twice). */
    private Path request(int records, int... duplicates) throws Exception {
        List<ExportRecord> recs = new ArrayList<>();
        for (int i = 0; i < records; i++) {
            recs.add(record(i));
        }
        for (int d : duplicates) {
            recs.add(record(d));
        }
        List<CountQuery> queries = List.of(CountQuery.of(epid(0)), CountQuery.of(epid(1)), CountQuery.of(epid(2)));
        PublicKey key = lab.keys().publicKey();
        RequestBundle.Built built = RequestBundle.build(key.id(), recs, queries, Samples.NOW,
                new SplittableRandom(records));
        SignedBundle signed = SignedBundle.sign(built.bundle(), key.id(),
                lab.keys().signer(Passphrase.of(PASS), Samples.SUPERVISOR));
        Path file = tmp.resolve("req-" + records + "-" + System.nanoTime() + ".xml");
        Files.write(file, BundleFile.write(signed, key));
        return file;
    }

    private static ExportRecord record(int i) throws Exception {
        return new ExportRecord(SkuId.parse("73111121-5638-40f6-bc11-f1d7b0d64300"), ApplicationId.WINDOWS,
                "Windows 11 Enterprise", epid(i % 3), InstallationId.parse(iid(i)));
    }

    private GatewayResult process(Appliance gw, Path request, int parallel, boolean resend, List<String> lines)
            throws Exception {
        return gw.gateway().processOnline(request, tmp.resolve("stick-" + gw.dataDir().getFileName()),
                BatchActivationConfig.direct(service.endpoint(), Duration.ofSeconds(10), 2, slept::add)
                        .withParallel(parallel), resend, Passphrase.of(PASS), Samples.TECHNICIAN,
                (done, total, ref, outcome) -> lines.add("[" + done + "/" + total + "] " + ref + ": " + outcome));
    }

    private Map<String, Integer> cidCallsPerIid() {
        Map<String, Integer> times = new HashMap<>();
        service.asked().stream().filter(a -> a.startsWith("1:")).forEach(a -> times.merge(a, 1, Integer::sum));
        return times;
    }

    @Test
    void eightInFlight_noPairIsAskedTwice_notEvenOneListedTwiceInTheRequest_andNeverMoreThanEightAtOnce()
            throws Exception {
        service.latency(Duration.ofMillis(30));
        try (Appliance gw = gateway("gw")) {
            Path req = request(60, 5, 17, 42);
            List<String> lines = new ArrayList<>();
            GatewayResult r = process(gw, req, PARALLEL, false, lines);
            assertThat(r.complete()).as(r.toString()).isTrue();
            assertThat(r.records()).isEqualTo(63);
            assertThat(r.confirmed()).isEqualTo(63);
            assertThat(r.fromCache()).as("the second record of a pair takes the first one's CID").isEqualTo(3);
            assertThat(r.counts()).isEqualTo(3);
            Map<String, Integer> times = cidCallsPerIid();
            assertThat(times).hasSize(60).allSatisfy((iid, n) -> assertThat(n).as(iid).isEqualTo(1));
            assertThat(service.mostAtOnce()).as("calls overlapped, but never more than %d", PARALLEL)
                    .isBetween(2, PARALLEL);
            assertThat(service.rejections()).isEmpty();
            assertThat(gw.gateway().cacheSummary()).isEqualTo(new Gateway.CacheSummary(60, 0, 0));
            ResponseBundle resp = BundleFile.read(r.responseFile().orElseThrow()).response();
            assertThat(resp.answers()).hasSize(63);

            GatewayResult again = process(gw, req, PARALLEL, false, new ArrayList<>());
            assertThat(again.fromCache()).isEqualTo(63);
            assertThat(cidCallsPerIid()).hasSize(60).allSatisfy((iid, n) -> assertThat(n).isEqualTo(1));
        }
    }

    @Test
    void reportAndResponse_areTheSequentialRunsLineForLine_whateverOrderTheAnswersComeIn() throws Exception {
        service.latency(Duration.ofMillis(5));
        service.latencySpread(Duration.ofMillis(40)); // each call waits 5-45 ms: answers overtake each other
        service.errorFor(iid(7), 0x7F);
        service.errorFor(iid(30), 0x67);
        Path req = request(40, 3, 7);
        try (Appliance one = gateway("sequential"); Appliance eight = gateway("parallel")) {
            List<String> sequentialLines = new ArrayList<>();
            GatewayResult sequential = process(one, req, 1, false, sequentialLines);
            int sequentialCalls = cidCallsPerIid().size();
            List<String> spentBefore = service.spent();
            List<String> parallelLines = new ArrayList<>();
            GatewayResult parallel = process(eight, req, PARALLEL, false, parallelLines);

            assertThat(parallelLines).hasSize(42).isEqualTo(sequentialLines);
            assertThat(parallel).usingRecursiveComparison().ignoringFields("responseFile").isEqualTo(sequential);
            ResponseBundle a = BundleFile.read(sequential.responseFile().orElseThrow()).response();
            ResponseBundle b = BundleFile.read(parallel.responseFile().orElseThrow()).response();
            assertThat(b.answers()).isEqualTo(a.answers());
            assertThat(b.counts()).isEqualTo(a.counts());
            assertThat(sequentialCalls).isEqualTo(40);
            List<String> parallelSpent = service.spent().subList(spentBefore.size(), service.spent().size());
            assertThat(parallelSpent).hasSize(38).doesNotHaveDuplicates();
            System.out.println("answers spent in this order with " + PARALLEL + " in flight: " + (parallelSpent.equals(
                    spentBefore) ? "the request's" : "another than the request's") + "; at most "
                    + service.mostAtOnce() + " at once");
        }
    }

    @Test
    void aCallBrokenMidAnswer_withEightInFlight_leavesExactlyThatRecordInFlight_theRestAnswered() throws Exception {
        service.latency(Duration.ofMillis(40));
        service.behaveAfter(20, Mode.BREAK_MID_ANSWER, 1);
        try (Appliance gw = gateway("gw")) {
            Path req = request(48);
            GatewayResult first = process(gw, req, PARALLEL, false, new ArrayList<>());
            assertThat(first.inFlight()).as(first.toString()).isEqualTo(1);
            assertThat(first.problem()).get().asString().contains("broke in the middle of the answer")
                    .contains("--resend-in-flight");
            assertThat(first.confirmed()).as("the calls in flight beside the broken one were answered and kept")
                    .isGreaterThanOrEqualTo(20);
            assertThat(first.confirmed() + first.inFlight() + first.unanswered()).isEqualTo(48);
            // exactly the broken call's pair is in flight; every other pair sent has its CID stored
            Gateway.CacheSummary cache = gw.gateway().cacheSummary();
            assertThat(cache.inFlight()).isEqualTo(1);
            assertThat(cache.cids()).isEqualTo(first.confirmed());
            Map<String, Integer> times = cidCallsPerIid();
            assertThat(times).hasSize(first.confirmed() + 1).allSatisfy((iid, n) -> assertThat(n).isEqualTo(1));
            assertThat(service.spent()).hasSize(first.confirmed() + 1); // the broken one was processed

            GatewayResult again = process(gw, req, PARALLEL, false, new ArrayList<>());
            assertThat(again.inFlight()).isEqualTo(1);
            assertThat(again.confirmed()).isEqualTo(47);
            assertThat(cidCallsPerIid()).hasSize(48).allSatisfy((iid, n) -> assertThat(n).as(iid).isEqualTo(1));

            int before = service.asked().size();
            GatewayResult resend = process(gw, req, PARALLEL, true, new ArrayList<>());
            assertThat(resend.complete()).as(resend.toString()).isTrue();
            assertThat(resend.fromCache()).isEqualTo(47);
            List<String> resent = service.asked().subList(before, service.asked().size()).stream()
                    .filter(a -> a.startsWith("1:")).toList();
            assertThat(resent).as("only the broken call's pair is asked again").hasSize(1);
            String broken = resent.get(0);
            assertThat(cidCallsPerIid()).containsEntry(broken, 2)
                    .allSatisfy((iid, n) -> assertThat(n).as(iid).isEqualTo(iid.equals(broken) ? 2 : 1));
        }
    }

    @Test
    void aServiceFailingFromTheStart_leavesOneRecordInFlight_notEight() throws Exception {
        service.behave(Mode.CLOSE_WITHOUT_ANSWER, 1_000);
        try (Appliance gw = gateway("gw")) {
            GatewayResult r = process(gw, request(30), PARALLEL, false, new ArrayList<>());
            assertThat(r.inFlight()).isEqualTo(1);
            assertThat(r.unanswered()).isEqualTo(29);
            assertThat(service.asked()).hasSize(1);
            assertThat(gw.gateway().cacheSummary()).isEqualTo(new Gateway.CacheSummary(0, 0, 1));
        }
    }

    @Test
    void callsThatNeverLeft_clearTheirMarks_nothingElseStaysInFlight() throws Exception {
        service.latency(Duration.ofMillis(20));
        service.behaveAfter(10, Mode.HTTP_500, 1_000);
        try (Appliance gw = gateway("gw")) {
            GatewayResult r = process(gw, request(40), PARALLEL, false, new ArrayList<>());
            assertThat(r.problem()).get().asString().contains("HTTP 500").contains("nothing was spent");
            assertThat(r.inFlight()).isZero();
            assertThat(r.confirmed()).isEqualTo(10);
            assertThat(gw.gateway().cacheSummary()).isEqualTo(new Gateway.CacheSummary(10, 0, 0));
            service.behave(Mode.ANSWER, 0);
            GatewayResult retry = process(gw, request(40), PARALLEL, false, new ArrayList<>());
            assertThat(retry.complete()).as(retry.toString()).isTrue();
            assertThat(service.spent()).hasSize(40).doesNotHaveDuplicates();
        }
    }
}
