package dev.airlock.appliance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.appliance.Appliance;
import dev.airlock.appliance.gateway.StandInBatchActivation;
import dev.airlock.appliance.store.ApplianceInfo;
import dev.airlock.appliance.testing.Samples;
import dev.airlock.formats.signature.PublicKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gateway process --parallel N} and {@code stand-in --latency-ms}, run in-process as typed. */
class GatewayParallelCliTest {
    private static final String PASSPHRASE = "correct horse battery staple";

    @TempDir
    Path tmp;

    private CliRun run(String data, String... args) {
        return CliRun.run(Map.of("AIRLOCK_DATA", tmp.resolve(data).toString(), SecretInput.PASSPHRASE_ENV,
                PASSPHRASE), "", args);
    }

    /** A lab request of {@code n} demo products, and gateways {@code names} pinning the lab. */
    private Path request(int n, String... names) throws Exception {
        assertThat(run("lab", "init", "--role", "lab", "--name", "Lab 3").exit()).isZero();
        Path collected = tmp.resolve("collected");
        assertThat(run("lab", "demo", "--machines", Integer.toString(n), "--to", collected.toString()).exit()).isZero();
        assertThat(run("lab", "intake", collected.toString()).exit()).isZero();
        PublicKey labKey;
        try (Appliance lab = Appliance.open(tmp.resolve("lab"), Samples.CLOCK)) {
            labKey = lab.keys().publicKey();
        }
        for (String name : names) {
            assertThat(run(name, "init", "--role", "gateway", "--name", name).exit()).isZero();
            try (Appliance gw = Appliance.open(tmp.resolve(name), Samples.CLOCK)) {
                gw.enroll().pin(ApplianceInfo.Role.LAB, "Lab 3", labKey, labKey.fingerprint(), Samples.SUPERVISOR);
                PublicKey gwKey = gw.keys().publicKey();
                try (Appliance lab = Appliance.open(tmp.resolve("lab"), Samples.CLOCK)) {
                    lab.enroll().pin(ApplianceInfo.Role.GATEWAY, name, gwKey, gwKey.fingerprint(), Samples.SUPERVISOR);
                }
            }
        }
        Path stick = Files.createDirectories(tmp.resolve("stick"));
        CliRun export = run("lab", "export", "--to", stick.toString(), "--force");
        assertThat(export.exit()).as(export.all()).isZero();
        try (Stream<Path> files = Files.list(stick.resolve("AIRLOCK/outbound"))) {
            return files.findFirst().orElseThrow();
        }
    }

    private static List<String> progress(CliRun r) {
        return r.out().lines().filter(l -> l.startsWith("[")).toList();
    }

    @Test
    void eightInFlight_printsTheSameReportAsOneAtATime_andAsksEachPairOnce() throws Exception {
        Path request = request(12, "one", "eight");
        try (StandInBatchActivation service = StandInBatchActivation.start()) {
            service.latency(Duration.ofMillis(5));
            service.latencySpread(Duration.ofMillis(30));
            CliRun one = run("one", "gateway", "process", request.toString(), "--to", tmp.resolve("out1").toString(),
                    "--endpoint", service.endpoint().toString(), "--parallel", "1");
            assertThat(one.exit()).as(one.all()).isZero();
            int calls = service.spent().size();
            CliRun eight = run("eight", "gateway", "process", request.toString(), "--to",
                    tmp.resolve("out8").toString(), "--endpoint", service.endpoint().toString(), "--parallel", "8");
            assertThat(eight.exit()).as(eight.all()).isZero();
            assertThat(progress(eight)).isNotEmpty().isEqualTo(progress(one));
            assertThat(eight.out().lines().filter(l -> l.startsWith("Request ")).toList())
                    .isEqualTo(one.out().lines().filter(l -> l.startsWith("Request ")).toList());
            assertThat(service.spent()).hasSize(2 * calls);
            assertThat(service.spent().subList(calls, 2 * calls)).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(service.spent().subList(0, calls));
        }
    }

    @Test
    void parallelOutOfRange_isAUsageError_andNothingIsAsked() throws Exception {
        Path request = request(1, "gw");
        try (StandInBatchActivation service = StandInBatchActivation.start()) {
            for (String n : List.of("0", "65")) {
                CliRun r = run("gw", "gateway", "process", request.toString(), "--to", tmp.resolve("out").toString(),
                        "--endpoint", service.endpoint().toString(), "--parallel", n);
                assertThat(r.exit()).as(r.all()).isEqualTo(2);
                assertThat(r.err()).contains("--parallel must be between 1 and 64, not " + n);
            }
            CliRun bad = run("gw", "gateway", "process", request.toString(), "--to", tmp.resolve("out").toString(),
                    "--endpoint", service.endpoint().toString(), "--set", "gateway.parallel=100");
            assertThat(bad.exit()).as(bad.all()).isNotZero();
            assertThat(bad.err()).contains("gateway.parallel");
            assertThat(service.asked()).isEmpty();
        }
    }

    @Test
    void standIn_refusesANegativeLatency() {
        CliRun r = CliRun.run(Map.of(), "", "stand-in", "--port", "0", "--latency-ms", "-1");
        assertThat(r.exit()).as(r.all()).isEqualTo(1);
        assertThat(r.err()).contains("--latency-ms must be between 0 and 60000");
    }
}
