package dev.airlock.appliance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.airlock.appliance.testing.Samples;
import dev.airlock.appliance.testing.UpdateRelease;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code airlock update check | stage | status} as a supervisor types them, on real folders. */
class UpdateCliTest {
    static final String RUNNING = "2026.11.02.1";
    static final String NEXT = "2026.12.01.3";

    @TempDir
    Path tmp;
    Path data;
    Path stick;
    UpdateRelease release;
    Map<String, String> env;

    @BeforeEach
    void setUp() throws Exception {
        data = tmp.resolve("data");
        Samples.initLab(data).close();
        release = new UpdateRelease(tmp.resolve("image"), RUNNING);
        stick = Files.createDirectories(tmp.resolve("STICK"));
        env = new HashMap<>(Map.of("AIRLOCK_DATA", data.toString(), "AIRLOCK_UPDATE_RELEASE_KEY",
                release.releaseKey.toString(), "AIRLOCK_UPDATE_OS_RELEASE", release.osRelease.toString()));
    }

    private CliRun run(String... args) {
        return CliRun.run(env, "", args);
    }

    @Test
    void check_listsEachUpdateWithWhatVerificationSays_exit0WhenOneCanBeInstalled() throws Exception {
        UpdateRelease.write(stick, NEXT, 100_000);
        Path older = UpdateRelease.write(stick, "2026.10.01.1", 1000);
        CliRun r = run("update", "check", stick.toString());
        assertThat(r.exit()).as(r.all()).isZero();
        assertThat(r.out()).contains("Running version " + RUNNING + ".")
                .contains("airlock-" + NEXT + ".update: version " + NEXT + ", built 2026-12-01T10:00:00Z, image airlock-"
                        + NEXT + ".root.squashfs (97.7 KiB): verified.")
                .contains("airlock-2026.10.01.1.update: refused. This update is version 2026.10.01.1, older than the"
                        + " running version " + RUNNING)
                .contains("To install: ./airlock update stage " + stick);

        CliRun json = run("update", "check", stick.toString(), "--json");
        assertThat(json.exit()).isZero();
        JsonNode n = Json.MAPPER.readTree(json.out());
        assertThat(n.get("running").asText()).isEqualTo(RUNNING);
        assertThat(n.get("updates")).hasSize(2);
        assertThat(n.get("updates").get(0).get("problem").asText()).isEqualTo("not_newer");
        assertThat(n.get("updates").get(1).get("verified").asBoolean()).isTrue();
        assertThat(n.get("updates").get(1).get("size").asLong()).isEqualTo(100_000);

        Files.write(older.resolveSibling(older.getFileName() + ".sig"), new byte[64]);
        Files.delete(stick.resolve("AIRLOCK/update/airlock-" + NEXT + ".update.sig"));
        CliRun none = run("update", "check", stick.toString());
        assertThat(none.exit()).as(none.all()).isEqualTo(1);
        assertThat(none.out()).contains("has no signature file (airlock-" + NEXT + ".update.sig) beside it")
                .contains("The update's signature does not match the release key built into this appliance: do not"
                        + " use this file");
    }

    @Test
    void check_anEmptyStick_orNoFolder_exit1WithWhatToDo() throws Exception {
        CliRun r = run("update", "check", stick.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("No updates in " + stick.resolve("AIRLOCK/update"));
        CliRun missing = run("update", "check", tmp.resolve("nope").toString());
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err()).contains("no such folder");
    }

    @Test
    void outsideAnApplianceImage_checkSaysSo_andStageIsRefused() throws Exception {
        release.running(null);
        UpdateRelease.write(stick, NEXT, 1000);
        CliRun check = run("update", "check", stick.toString());
        assertThat(check.out()).contains("This is not an appliance image; updates apply only on the appliance.")
                .contains("verified").contains("Nothing can be staged here: this is not an appliance image.");
        CliRun stage = run("update", "stage", stick.toString());
        assertThat(stage.exit()).isEqualTo(1);
        assertThat(stage.err()).contains("This is not an appliance image; updates apply only on the appliance: nothing"
                + " was staged");
    }

    @Test
    void stage_thenStatus_followTheUpdateThroughTheHelpersStates() throws Exception {
        UpdateRelease.write(stick, NEXT, 200_000);
        UpdateRelease.write(stick, "2026.11.15.2", 1000);
        CliRun stage = run("update", "stage", stick.toString());
        assertThat(stage.exit()).as(stage.all()).isZero();
        assertThat(stage.err()).contains("Checking the image on the stick", "Copying it into the data partition...",
                "Checking the copy...");
        assertThat(stage.out()).contains("Staged update " + NEXT + " (195.3 KiB) in " + data.resolve("update/staged"));
        assertThat(Files.readString(data.resolve("update/request"))).isEqualTo("airlock-" + NEXT + ".update\n");

        CliRun status = run("update", "status");
        assertThat(status.exit()).isZero();
        assertThat(status.out()).contains("Running version " + RUNNING + ".", "Update " + NEXT
                + " is staged; the system has not started writing it yet.");
        CliRun again = run("update", "stage", stick.toString());
        assertThat(again.exit()).isEqualTo(1);
        assertThat(again.err()).contains("waits for the system to write it");

        // the helper takes the request and writes its status
        Files.delete(data.resolve("update/request"));
        Files.writeString(data.resolve("update/status"), "state=writing\nversion=" + NEXT + "\nslot=b\nmessage=\n");
        assertThat(run("update", "status").out()).contains("Update " + NEXT + " is being written to system slot b.");
        Files.writeString(data.resolve("update/status"), "state=ready\nversion=" + NEXT + "\nslot=b\nmessage=\n");
        assertThat(run("update", "status").out()).contains("is written to system slot b and ready: restart into it");
        JsonNode json = Json.MAPPER.readTree(run("update", "status", "--json").out());
        assertThat(json.get("phase").asText()).isEqualTo("ready");
        assertThat(json.get("slot").asText()).isEqualTo("b");
        Files.writeString(data.resolve("update/status"), "state=failed\nversion=" + NEXT
                + "\nslot=b\nmessage=the signature does not verify\n");
        assertThat(run("update", "status").out()).contains("Update " + NEXT + " failed (the signature does not verify)."
                + " The running system is unchanged.");
    }

    @Test
    void stage_withVersion_picksThatOne_andRefusesAnOlderOneUnlessReinstall() throws Exception {
        UpdateRelease.write(stick, NEXT, 1000);
        UpdateRelease.write(stick, "2026.10.01.1", 1000);
        CliRun missing = run("update", "stage", stick.toString(), "--version", "2027.1");
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err()).contains("No update 2027.1 on the stick (it holds airlock-2026.10.01.1.update,"
                + " airlock-" + NEXT + ".update)");
        CliRun older = run("update", "stage", stick.toString(), "--version", "2026.10.01.1");
        assertThat(older.exit()).isEqualTo(1);
        assertThat(older.err()).contains("older than the running version").contains("(reinstall or downgrade)");
        CliRun forced = run("update", "stage", stick.toString(), "--version", "2026.10.01.1", "--reinstall");
        assertThat(forced.exit()).as(forced.all()).isZero();
        assertThat(forced.out()).contains("Staged update 2026.10.01.1");
        assertThat(run("update", "stage", stick.toString(), "--version", "x").err()).contains("--version: the version"
                + " 'x' is not dotted numbers");
    }
}
