package dev.airlock.appliance.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.airlock.appliance.Appliance;
import dev.airlock.appliance.bundles.Inspection;
import dev.airlock.appliance.keys.KeyProbe;
import dev.airlock.appliance.keys.KeyService;
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
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gateway against the stand-in BatchActivation service, with real stores, keys and bundle files. */
class GatewayTest {
    static final String PASS = "correct horse battery staple";
    static final String EPID = "03612-03308-000-000000-03-1033-9200.0000-0242016";

    @TempDir
    Path tmp;

    Appliance lab;
    Appliance gateway;
    StandInBatchActivation service;
    final List<Duration> slept = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        lab = create("lab", ApplianceInfo.Role.LAB);
        gateway = create("gw", ApplianceInfo.Role.GATEWAY);
        PublicKey labKey = lab.keys().publicKey();
        PublicKey gwKey = gateway.keys().publicKey();
        gateway.enroll().pin(ApplianceInfo.Role.LAB, "Lab 3", labKey, labKey.fingerprint(), Samples.SUPERVISOR);
        lab.enroll().pin(ApplianceInfo.Role.GATEWAY, "Gateway A", gwKey, gwKey.fingerprint(), Samples.SUPERVISOR);
        service = StandInBatchActivation.start();
    }

    @AfterEach
    void tearDown() {
        service.close();
        lab.close();
        gateway.close();
    }

    private Appliance create(String dir, ApplianceInfo.Role role) throws Exception {
        return Appliance.init(tmp.resolve(dir), role, dir, Samples.SUPERVISOR, Samples.CLOCK, new SplittableRandom(1),
                KeyService.prepare(Passphrase.of(PASS), new SecureRandom()), d -> { });
    }

    static String iid(int n) {
        return String.format("%063d", 1_000_000L + n);
    }

    /** A request file from {@code signer} with {@code records} IIDs and one count query. */
    private Path request(Appliance signer, int records) throws Exception {
        List<ExportRecord> recs = new ArrayList<>();
        for (int i = 0; i < records; i++) {
            recs.add(new ExportRecord(SkuId.parse("73111121-5638-40f6-bc11-f1d7b0d64300"), ApplicationId.WINDOWS,
                    "Windows 11 Enterprise", ExtendedProductId.parse(EPID), InstallationId.parse(iid(i))));
        }
        PublicKey key = signer.keys().publicKey();
        RequestBundle.Built built = RequestBundle.build(key.id(), recs,
                List.of(CountQuery.of(ExtendedProductId.parse(EPID))), Samples.NOW, new SplittableRandom(records));
        SignedBundle signed = SignedBundle.sign(built.bundle(), key.id(),
                signer.keys().signer(Passphrase.of(PASS), Samples.SUPERVISOR));
        Path file = tmp.resolve("req-" + records + "-" + System.nanoTime() + ".xml");
        Files.write(file, BundleFile.write(signed, key));
        return file;
    }

    private GatewayResult online(Path request, boolean resend) throws Exception {
        // 3 s: long enough for a loaded 2-core machine to answer (500 ms timed out under load);
        // only the one silent-service test waits it out
        return gateway.gateway().processOnline(request, tmp.resolve("stick"),
                BatchActivationConfig.direct(service.endpoint(), Duration.ofSeconds(3), 2, slept::add), resend,
                Passphrase.of(PASS), Samples.TECHNICIAN, GatewayListener.silent());
    }

    private ResponseBundle response(GatewayResult r, Path request) throws Exception {
        Path file = r.responseFile().orElseThrow();
        Inspection in = lab.bundles().inspect(file);
        assertThat(in.trusted()).as(in.problem().orElse("")).isTrue();
        SignedBundle signed = BundleFile.read(file);
        signed.response().checkAnswers(BundleFile.read(request));
        assertThat(file.getParent()).isEqualTo(tmp.resolve("stick/AIRLOCK/inbound"));
        return signed.response();
    }

    @Test
    void online_allAnswered_responseVerifiesAtTheLab_andIsBoundToTheRequest() throws Exception {
        service.remainingFor(EPID, 42);
        Path req = request(lab, 3);
        GatewayResult r = online(req, false);
        assertThat(service.rejections()).isEmpty();
        assertThat(r.complete()).as(r.toString()).isTrue();
        ResponseBundle resp = response(r, req);
        assertThat(resp.answers()).hasSize(3).allSatisfy(a -> assertThat(a.outcome())
                .isInstanceOf(ResponseBundle.Confirmed.class));
        List<String> cids = resp.answers().stream().map(a -> ((ResponseBundle.Confirmed) a.outcome()).cid().digits())
                .toList();
        assertThat(cids).containsExactlyInAnyOrder(StandInBatchActivation.cidFor(iid(0)),
                StandInBatchActivation.cidFor(iid(1)), StandInBatchActivation.cidFor(iid(2)));
        assertThat(resp.counts()).singleElement().satisfies(c -> assertThat(c.remaining()).isEqualTo(42));
    }

    @Test
    void online_withThePassphrase_derivesTheKeyOnce_forTheCheckAndTheSigning() throws Exception {
        service.remainingFor(EPID, 42);
        Path req = request(lab, 3);
        long before = KeyProbe.derivations();
        GatewayResult r = online(req, false);
        assertThat(r.responseFile()).isPresent();
        assertThat(KeyProbe.derivations() - before).as("Argon2id derivations for one online run").isEqualTo(1);
    }

    @Test
    void online_secondRequestForTheSameIids_usesTheCache_withoutAskingAgain() throws Exception {
        online(request(lab, 2), false);
        int asked = service.asked().size();
        GatewayResult again = online(request(lab, 2), false);
        assertThat(again.fromCache()).isEqualTo(2);
        assertThat(service.asked().stream().filter(a -> a.startsWith("1:")).count()).isEqualTo(2);
        assertThat(service.asked()).hasSize(asked + 1); // only the count query again
    }

    @Test
    void online_errorCode_becomesAFailedAnswer_withItsCode() throws Exception {
        service.errorFor(iid(1), 0x7F);
        Path req = request(lab, 2);
        GatewayResult r = online(req, false);
        assertThat(r.failed()).isEqualTo(1);
        assertThat(response(r, req).answers()).anySatisfy(a -> assertThat(a.outcome())
                .isEqualTo(new ResponseBundle.Failed(0x7F, "MAK activation limit exceeded")));
    }

    @Test
    void online_http500_isRetriedWithBackoff_thenStops_keepingPartialResults_andARetryFinishes() throws Exception {
        Path req = request(lab, 3);
        service.behave(StandInBatchActivation.Mode.HTTP_500, 1);
        GatewayResult first = online(req, false); // one 500, then the retry succeeds
        assertThat(first.complete()).isTrue();
        assertThat(slept).containsExactly(Duration.ofMillis(500));

        Path req2 = request(lab, 5);
        service.behave(StandInBatchActivation.Mode.ANSWER, 0);
        slept.clear();
        // records 0-2 are cached; record 3 meets three 500s in a row: stop, nothing spent
        service.behave(StandInBatchActivation.Mode.HTTP_500, 3);
        GatewayResult partial = online(req2, false);
        assertThat(partial.problem()).get().asString().contains("HTTP 500").contains("nothing was spent");
        assertThat(slept).containsExactly(Duration.ofMillis(500), Duration.ofMillis(1000));
        assertThat(partial.confirmed()).isLessThan(5);
        if (partial.confirmed() > 0) {
            assertThat(response(partial, req2).answers()).hasSize(partial.confirmed());
        }
        GatewayResult retry = online(req2, false);
        assertThat(retry.complete()).isTrue();
        // never spent twice: every IID got its CID from the service exactly once over all runs
        assertThat(service.spent()).containsExactlyInAnyOrder(iid(0), iid(1), iid(2), iid(3), iid(4));
    }

    @Test
    void online_timeout_leavesTheRecordInFlight_notAskedAgainWithoutConfirmation() throws Exception {
        Path req = request(lab, 2);
        service.behave(StandInBatchActivation.Mode.SILENT, 1);
        GatewayResult r = online(req, false);
        assertThat(r.inFlight()).isEqualTo(1);
        assertThat(r.problem()).get().asString().contains("no answer").contains("--resend-in-flight");
        String inFlight = service.asked().get(0);
        int asked = service.asked().size();
        GatewayResult again = online(req, false);
        assertThat(again.inFlight()).isEqualTo(1);
        assertThat(again.complete()).isFalse();
        assertThat(service.asked().subList(asked, service.asked().size())).doesNotContain(inFlight);
        GatewayResult confirmed = online(req, true);
        assertThat(confirmed.complete()).isTrue();
        assertThat(response(confirmed, req).answers()).hasSize(2);
    }

    @Test
    void online_malformedAnswer_staysInFlight() throws Exception {
        Path req = request(lab, 1);
        service.behave(StandInBatchActivation.Mode.MALFORMED, 1);
        GatewayResult r = online(req, false);
        assertThat(r.inFlight()).isEqualTo(1);
        assertThat(r.responseFile()).isEmpty();
        assertThat(r.problem()).get().asString().contains("unreadable answer");
    }

    @Test
    void online_wrongDigestKey_isRejectedByTheStandIn() throws Exception {
        byte[] wrong = new byte[64];
        BatchActivationConfig d = BatchActivationConfig.direct(service.endpoint(), Duration.ofMillis(500), 0,
                slept::add);
        BatchActivationConfig bad = new BatchActivationConfig(d.endpoint(), wrong, d.proxy(), d.proxyUser(),
                d.proxyPassword(), d.connectTimeout(), d.readTimeout(), 0, d.backoff(), d.caBundle(), d.sleeper());
        GatewayResult r = gateway.gateway().processOnline(request(lab, 1), tmp.resolve("stick"), bad, false,
                Passphrase.of(PASS), Samples.TECHNICIAN, GatewayListener.silent());
        assertThat(service.rejections()).containsExactly("digest does not match");
        assertThat(r.problem()).get().asString().contains("HTTP 500").contains("digest does not match");
    }

    @Test
    void request_fromAnUnpinnedLab_isRefused_andNothingIsAsked() throws Exception {
        Appliance stranger = create("stranger", ApplianceInfo.Role.LAB);
        Path req = request(stranger, 1);
        stranger.close();
        assertThatThrownBy(() -> online(req, false)).isInstanceOf(GatewayException.class)
                .hasMessageContaining("not pinned");
        assertThat(service.asked()).isEmpty();
    }

    @Test
    void request_signedByAGatewayKey_isRefused() throws Exception {
        Path req = request(gateway, 1);
        assertThatThrownBy(() -> online(req, false)).isInstanceOf(GatewayException.class);
        assertThat(service.asked()).isEmpty();
    }

    @Test
    void request_onALabAppliance_isRefused() throws Exception {
        Path req = request(lab, 1);
        assertThatThrownBy(() -> lab.gateway().processOnline(req, tmp.resolve("stick"),
                BatchActivationConfig.direct(service.endpoint(), Duration.ofSeconds(1), 0, slept::add), false,
                Passphrase.of(PASS), Samples.TECHNICIAN, GatewayListener.silent()))
                .isInstanceOf(GatewayException.class).hasMessageContaining("role is lab");
    }

    @Test
    void phone_mistypedGroupIsAskedAgain_skipAndStop_thenResume() throws Exception {
        Path req = request(lab, 3);
        List<String> g0 = List.of(StandInBatchActivation.cidFor(iid(0)).split("(?<=\\G.{6})"));
        StringBuilder script = new StringBuilder();
        script.append(g0.get(0)).append('\n').append("12345\n"); // B mistyped (5 digits)
        for (int i = 1; i < 8; i++) {
            script.append(g0.get(i)).append('\n');
        }
        script.append("y\n");
        script.append("\n"); // skip record 2
        script.append("q\n"); // stop at record 3
        StringWriter shown = new StringWriter();
        GatewayResult first = gateway.gateway().processByPhone(req, tmp.resolve("stick"),
                new ConsolePhoneDesk(new BufferedReader(new StringReader(script.toString())), new PrintWriter(shown)),
                false, Passphrase.of(PASS), Samples.TECHNICIAN, GatewayListener.silent());
        assertThat(shown.toString()).contains("CID group B has 5 digits, expected 6")
                .contains(String.join("", InstallationId.parse(iid(0)).groups().get(0)));
        assertThat(first.confirmed()).isEqualTo(1);
        assertThat(response(first, req).answers()).hasSize(1);

        String rest = StandInBatchActivation.cidFor(iid(1)) + "\ny\n"
                + String.join(" ", List.of(StandInBatchActivation.cidFor(iid(2)).split("(?<=\\G.{6})"))) + "\ny\n";
        StringWriter shown2 = new StringWriter();
        GatewayResult second = gateway.gateway().processByPhone(req, tmp.resolve("stick"),
                new ConsolePhoneDesk(new BufferedReader(new StringReader(rest)), new PrintWriter(shown2)),
                false, Passphrase.of(PASS), Samples.TECHNICIAN, GatewayListener.silent());
        assertThat(shown2.toString()).contains("Record 1 of 2");
        assertThat(second.complete()).as(second.toString()).isTrue(); // counts are not asked by phone
        assertThat(second.counts()).isZero();
        assertThat(second.confirmed()).isEqualTo(3);
        assertThat(second.fromCache()).isEqualTo(1);
        assertThat(response(second, req).answers()).hasSize(3);
        // a later online run reuses the phone CIDs
        GatewayResult online = online(req, false);
        assertThat(online.fromCache()).isEqualTo(3);
        assertThat(service.asked()).containsExactly("2:" + EPID);
    }
}
