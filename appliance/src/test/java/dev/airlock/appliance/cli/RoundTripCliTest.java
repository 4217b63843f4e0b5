package dev.airlock.appliance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.appliance.Appliance;
import dev.airlock.appliance.store.ApplianceInfo;
import dev.airlock.appliance.testing.RoundTripFixture;
import dev.airlock.appliance.testing.Samples;
import dev.airlock.formats.bundle.BundleFile;
import dev.airlock.formats.bundle.SignedBundle;
import dev.airlock.formats.signature.SigningKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** export, import and bundles list run in-process, as a technician would type them. */
class RoundTripCliTest {
    private static final String PASSPHRASE = "correct horse battery staple";

    @TempDir
    Path tmp;

    private CliRun run(String... args) {
        return CliRun.run(Map.of("AIRLOCK_DATA", tmp.resolve("data").toString(), SecretInput.PASSPHRASE_ENV,
                PASSPHRASE), "", args);
    }

    @Test
    void exportImportAndList_fromTheCommandLine() throws Exception {
        assertThat(run("init", "--role", "lab", "--name", "Lab 3").exit()).isZero();
        Path collected = tmp.resolve("collected");
        assertThat(run("demo", "--machines", "3", "--to", collected.toString()).exit()).isZero();
        assertThat(run("intake", collected.toString()).exit()).isZero();
        SigningKey gateway = SigningKey.generate(new SecureRandom());
        try (Appliance a = Appliance.open(tmp.resolve("data"), Samples.CLOCK)) {
            a.enroll().pin(ApplianceInfo.Role.GATEWAY, "Gateway 1", gateway.publicKey(),
                    gateway.publicKey().fingerprint(), Samples.SUPERVISOR);
        }
        // the demo folder is a lab stick: refused
        CliRun lab = run("export", "--to", collected.toString());
        assertThat(lab.exit()).as(lab.all()).isEqualTo(1);
        assertThat(lab.err()).contains("lab stick");

        Path stick = Files.createDirectories(tmp.resolve("stick"));
        CliRun export = run("export", "--to", stick.toString(), "--force");
        assertThat(export.exit()).as(export.all()).isZero();
        assertThat(export.out()).contains("Wrote request").contains("now EXPORTED");
        Path requestFile;
        try (Stream<Path> files = Files.list(stick.resolve("AIRLOCK/outbound"))) {
            requestFile = files.findFirst().orElseThrow();
        }
        CliRun listed = run("bundles", "list");
        assertThat(listed.out()).contains("written").contains("1 request still out there");

        SignedBundle request = BundleFile.read(requestFile);
        SignedBundle response = new RoundTripFixture.Responder(gateway).all(request);
        Path inbound = Files.createDirectories(stick.resolve("AIRLOCK/inbound"));
        Files.write(inbound.resolve(BundleFile.fileName(response)), BundleFile.write(response, gateway.publicKey()));

        CliRun imported = run("import", stick.toString());
        assertThat(imported.exit()).as(imported.all()).isZero();
        assertThat(imported.out()).contains("merged").contains("CIDs received").contains("request answered");
        CliRun again = run("import", stick.toString());
        assertThat(again.exit()).isZero();
        assertThat(again.out()).contains("already merged");
        Path junk = Files.writeString(tmp.resolve("junk.xml"), "<x/>");
        assertThat(run("import", junk.toString()).exit()).isEqualTo(1);

        // Apply: the kit onto the lab stick, the demo plays the machines, intake takes every product to VERIFIED.
        assertThat(run("activation-kit", "--to", collected.toString()).exit()).isZero();
        CliRun played = run("demo", "apply", "--stick", collected.toString());
        assertThat(played.exit()).as(played.all()).isZero();
        assertThat(played.out()).startsWith("DEMO: made-up apply results").contains("Wrote 3 result files");
        CliRun results = run("intake", collected.toString());
        assertThat(results.exit()).as(results.all()).isZero();
        CliRun status = run("status", "--json");
        com.fasterxml.jackson.databind.JsonNode byState = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(status.out()).get("byState");
        int all = 0;
        for (com.fasterxml.jackson.databind.JsonNode n : byState) {
            all += n.asInt();
        }
        assertThat(all).as(status.out()).isGreaterThanOrEqualTo(3);
        assertThat(byState.get("VERIFIED").asInt()).as(status.out()).isEqualTo(all);

        CliRun json = run("bundles", "list", "--json");
        assertThat(json.out()).contains("\"state\" : \"answered\"").contains("\"state\" : \"merged\"");
        assertThat(run("audit", "verify").exit()).isZero();
    }
}
