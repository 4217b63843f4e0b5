package dev.airlock.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's journeys, run against the built jar in fresh JVMs, on real files and a real vfat stick. */
class CliJourneyTest {
    @TempDir
    Path tmp;

    @Test
    void readmeQuickStart_demoIntakeStatus_showsTwentyMachines() throws Exception {
        Path data = tmp.resolve("data");
        Path stick = tmp.resolve("s");
        assertThat(Cli.airlock(data, "init", "--role", "lab", "--name", "Lab 3 kiosk").exit()).isZero();
        Cli.Run demo = Cli.airlock(null, "demo", "--machines", "20", "--to", stick.toString());
        assertThat(demo.exit()).as(demo.all()).isZero();
        Cli.Run intake = Cli.airlock(data, "intake", stick.toString());
        assertThat(intake.exit()).as(intake.all()).isZero();
        assertThat(intake.out()).contains("20 files: 20 accepted, 0 updated, 0 unchanged, 0 rejected, 0 skipped");
        Cli.Run status = Cli.airlock(data, "status");
        assertThat(status.exit()).isZero();
        assertThat(status.out()).contains("Machines: 20").contains("COLLECTED").contains("wait for export");

        Cli.Run again = Cli.airlock(data, "intake", stick.toString());
        assertThat(again.exit()).isZero();
        assertThat(again.out()).contains("20 files: 0 accepted, 0 updated, 20 unchanged")
                .contains("20 files unchanged: the same file again changes nothing. To record a change, run"
                        + " Collect.cmd again at that machine");

        Cli.Run verify = Cli.airlock(data, "audit", "verify");
        assertThat(verify.exit()).as(verify.all()).isZero();
        // appliance.init + keys.init + 20 intakes
        assertThat(verify.out()).contains("Audit log intact: 22 rows");
    }

    @Test
    void jsonOutputs_parseAndAgreeWithTheStore() throws Exception {
        Path data = tmp.resolve("data");
        Path stick = tmp.resolve("s");
        Cli.airlock(data, "init", "--role", "lab", "--name", "json lab");
        Cli.airlock(null, "demo", "--machines", "5", "--to", stick.toString());
        ObjectMapper json = new ObjectMapper();
        JsonNode intake = json.readTree(Cli.airlock(data, "intake", stick.toString(), "--group", "Room 1", "--json").out());
        assertThat(intake.get("files")).hasSize(5);
        assertThat(intake.get("summary").get("accepted").asInt()).isEqualTo(5);
        JsonNode list = json.readTree(Cli.airlock(data, "list", "--json").out());
        JsonNode status = json.readTree(Cli.airlock(data, "status", "--json").out());
        assertThat(list.size()).isEqualTo(status.get("products").asInt());
        assertThat(status.get("machines").asInt()).isEqualTo(5);
        assertThat(status.get("byGroup").get("Room 1").get("COLLECTED").asInt()).isEqualTo(list.size());
        String host = list.get(0).get("hostName").asText();
        JsonNode show = json.readTree(Cli.airlock(data, "show", host, "--json").out());
        assertThat(show.get("machine").get("group").asText()).isEqualTo("Room 1");
        assertThat(show.get("audit").get(0).get("action").asText()).isEqualTo("machine.added");
    }

    @Test
    void collectorKit_onRealVfatStick_thenIntakeFromTheStickRoot() throws Exception {
        Path data = tmp.resolve("data");
        Cli.airlock(data, "init", "--role", "lab", "--name", "stick lab");
        try (StickImage stick = StickImage.create(tmp, 32)) {
            Cli.Run kit = Cli.airlock(null, "collector-kit", "--to", stick.mount.toString());
            assertThat(kit.exit()).as(kit.all()).isZero();
            Path collector = stick.mount.resolve("AIRLOCK/collector");
            assertThat(collector.resolve("Collect.cmd")).exists();
            assertThat(collector.resolve("Collect.ps1")).exists();
            assertThat(collector.resolve("README.txt")).exists();
            assertThat(collector.resolve("InstallKey.txt")).doesNotExist();
            assertThat(Files.readString(collector.resolve("Collect.cmd"), StandardCharsets.US_ASCII))
                    .contains("-ExecutionPolicy Bypass");

            // Stand in for the lab machines: collector files written onto the stick, then replugged.
            Cli.airlock(null, "demo", "--machines", "12", "--to", stick.mount.toString());
            stick.replug();
            Cli.Run intake = Cli.airlock(data, "intake", stick.mount.toString());
            assertThat(intake.exit()).as(intake.all()).isZero();
            assertThat(intake.out()).contains("12 files: 12 accepted");
            // the kit's own files are not read as records
            assertThat(intake.out()).doesNotContain("Collect.ps1");
        }
    }

    @Test
    void collectorKit_withInstallMak_warnsAndNeverPrintsTheWholeKey() throws Exception {
        String key = "BCDFG-HJKMP-QRTVW-XY234-6789B";
        Path data = tmp.resolve("data");
        Path stick = Files.createDirectories(tmp.resolve("stick"));
        assertThat(Cli.airlock(data, "init", "--role", "lab", "--name", "kit lab").exit()).isZero();
        Cli.Run add = Cli.airlockWithStdin(data, key + "\n", "mak", "add", "--description", "Windows 11");
        assertThat(add.exit()).as(add.all()).isZero();
        assertThat(add.all()).contains("6789B").doesNotContain("BCDFG-HJKMP");
        assertThat(Cli.airlock(data, "mak", "list").out()).contains("6789B").doesNotContain("BCDFG-HJKMP");

        Cli.Run kit = Cli.airlock(data, "collector-kit", "--to", stick.toString(), "--install-mak", "1");
        assertThat(kit.exit()).as(kit.all()).isZero();
        assertThat(kit.all()).contains("clear text").contains("6789B").doesNotContain("BCDFG-HJKMP");
        assertThat(Files.readString(stick.resolve("AIRLOCK/collector/InstallKey.txt")).strip()).isEqualTo(key);
        Cli.airlock(null, "collector-kit", "--to", stick.toString());
        assertThat(stick.resolve("AIRLOCK/collector/InstallKey.txt")).doesNotExist();

        Cli.Run literal = Cli.airlock(data, "collector-kit", "--to", stick.toString(), "--install-mak", key);
        assertThat(literal.exit()).as("a key on the command line is not an id").isEqualTo(1);
        assertThat(literal.err()).contains("never the key itself").doesNotContain("BCDFG").doesNotContain("6789B");
        Cli.Run unknown = Cli.airlock(data, "collector-kit", "--to", stick.toString(), "--install-mak", "7");
        assertThat(unknown.exit()).isEqualTo(1);
        assertThat(unknown.err()).contains("no MAK with id 7");
        Cli.Run bad = Cli.airlockWithStdin(data, "BCDFG-HJKMP-QRTVW-XY234-6789A\n", "mak", "add");
        assertThat(bad.exit()).isEqualTo(1);
        assertThat(bad.err()).contains("character 25").doesNotContain("BCDFG-HJKMP").doesNotContain("6789A");
    }

    @Test
    void commandsWithoutAStore_sayRunInitFirst_exit1() throws Exception {
        Cli.Run status = Cli.airlock(tmp.resolve("nothing"), "status");
        assertThat(status.exit()).isEqualTo(1);
        assertThat(status.err()).contains("run ./airlock init first");
        assertThat(tmp.resolve("nothing")).doesNotExist();
    }

    @Test
    void init_twice_refusesAndKeepsTheStore() throws Exception {
        Path data = tmp.resolve("data");
        assertThat(Cli.airlock(data, "init", "--role", "lab", "--name", "one").exit()).isZero();
        Cli.Run second = Cli.airlock(data, "init", "--role", "gateway", "--name", "two");
        assertThat(second.exit()).isEqualTo(1);
        assertThat(second.err()).contains("already exists").contains("refusing to overwrite");
        assertThat(Cli.airlock(data, "status").out()).contains("Lab appliance 'one'");
    }

    @Test
    void usageErrors_exit2_andEveryCommandHasHelp() throws Exception {
        Cli.Run bad = Cli.airlock(null, "status", "--no-such-flag");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("'--no-such-flag' is not an option of 'airlock status'");
        for (String cmd : List.of("init", "status", "list", "show", "intake", "add", "assign", "collector-kit", "demo",
                "audit", "config", "key", "trust", "mak")) {
            Cli.Run help = Cli.airlock(null, cmd, "--help");
            assertThat(help.exit()).as(cmd).isZero();
            assertThat(help.out()).as(cmd).contains("Usage: airlock " + cmd);
        }
    }

    @Test
    void intake_withARejectedFile_exits1_namesTheFile_andKeepsTheGoodOnes() throws Exception {
        Path data = tmp.resolve("data");
        Path stick = tmp.resolve("s");
        Cli.airlock(data, "init", "--role", "lab", "--name", "lab");
        Cli.airlock(null, "demo", "--machines", "3", "--to", stick.toString());
        Path bad = stick.resolve("AIRLOCK/collected/evil.xml");
        Files.writeString(bad, "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<MachineRecord>&e;</MachineRecord>");
        Cli.Run intake = Cli.airlock(data, "intake", stick.toString());
        assertThat(intake.exit()).isEqualTo(1);
        assertThat(intake.out()).contains("rejected  " + bad).contains("DOCTYPE")
                .contains("4 files: 3 accepted, 0 updated, 0 unchanged, 1 rejected");
        assertThat(intake.all()).doesNotContain("root:x:0:0");
    }

    @Test
    void manualAdd_withTypedIid_recordsAndShows() throws Exception {
        Path data = tmp.resolve("data");
        Cli.airlock(data, "init", "--role", "lab", "--name", "lab");
        // made up; each group ends in its check digit, as a real IID's does
        String iid = "1234565 2345670 3456782 4567894 5678900 6789016 7890122 8901231 9012344";
        Cli.Run add = Cli.airlock(data, "add", "--host", "LAB-PC-0099", "--group", "Room 2", "--sku",
                "{73111121-5638-40F6-BC11-F1D7B0D64300}", "--name", "Windows 11 Enterprise", "--epid",
                "03612-03308-000-000000-03-1033-22631.0000-0242024", "--iid", iid, "--as", "alice");
        assertThat(add.exit()).as(add.all()).isZero();
        Cli.Run show = Cli.airlock(data, "show", "lab-pc-0099");
        assertThat(show.out()).contains("1234565-2345670-3456782").contains("Room 2").contains("alice");

        Cli.Run wrong = Cli.airlock(data, "add", "--host", "LAB-PC-0100", "--sku", "73111121-5638-40f6-bc11-f1d7b0d64300",
                "--name", "Windows 11 Enterprise", "--epid", "03612-03308-000-000000-03-1033-22631.0000-0242024",
                "--iid", "1234567-123456-3456789-4567890-5678901-6789012-7890123-8901234-9012345");
        assertThat(wrong.exit()).isEqualTo(1);
        assertThat(wrong.err()).contains("IID group 2 has 6 digits, expected 7");

        // group 4 mistyped (4567894 -> 4567394): named, refused without the confirmation, kept with it
        String typo = iid.replace("4567894", "4567394");
        Cli.Run flagged = Cli.airlock(data, "add", "--host", "LAB-PC-0101", "--sku", "73111121-5638-40f6-bc11-f1d7b0d64300",
                "--name", "Windows 11 Enterprise", "--epid", "03612-03308-000-000000-03-1033-22631.0000-0242024",
                "--iid", typo);
        assertThat(flagged.exit()).isEqualTo(1);
        assertThat(flagged.err()).contains("IID group 4 looks mistyped").contains("--keep-as-typed");
        Cli.Run kept = Cli.airlock(data, "add", "--host", "LAB-PC-0101", "--sku", "73111121-5638-40f6-bc11-f1d7b0d64300",
                "--name", "Windows 11 Enterprise", "--epid", "03612-03308-000-000000-03-1033-22631.0000-0242024",
                "--iid", typo, "--keep-as-typed");
        assertThat(kept.exit()).as(kept.all()).isZero();
    }

    @Test
    void config_showsSourcesOfEachValue() throws Exception {
        Path data = tmp.resolve("data");
        Cli.airlock(data, "init", "--role", "lab", "--name", "lab");
        assertThat(Cli.airlock(data, "config", "set", "qr.version", "20").exit()).isZero();
        Cli.Run config = Cli.run(List.of(Cli.java(), "-jar", Cli.JAR.toString(), "config", "--data", data.toString(),
                "--set", "qr.frames-per-second=4"), Map.of("AIRLOCK_KIOSK_IDLE_LOCK_MINUTES", "9"), null);
        assertThat(config.exit()).as(config.all()).isZero();
        assertThat(config.out()).containsPattern("qr\\.version\\s+20\\s+.*airlock\\.conf")
                .containsPattern("kiosk\\.idle-lock-minutes\\s+9\\s+AIRLOCK_KIOSK_IDLE_LOCK_MINUTES")
                .containsPattern("qr\\.frames-per-second\\s+4\\s+--set")
                .containsPattern("kiosk\\.port\\s+8080\\s+default");
        Cli.Run bad = Cli.airlock(data, "config", "set", "qr.version", "33");
        assertThat(bad.exit()).isEqualTo(1);
    }

    @Test
    void launcherAndWrapper_withoutAJdk21_sayWhatIsMissing() throws Exception {
        for (String script : List.of("airlock", "mvnw")) {
            Cli.Run run = Cli.run(List.of(Cli.ROOT.resolve(script).toString(), "--version"),
                    Map.of("AIRLOCK_JDK_ROOTS", tmp.toString(), "JAVA_HOME", tmp.resolve("old-jdk").toString()),
                    tmp);
            assertThat(run.exit()).as(script).isEqualTo(3);
            assertThat(run.err()).as(script).contains("no JDK 21 or newer found");
        }
    }

    @Test
    void demo_sameSeed_sameFiles() throws Exception {
        Cli.airlock(null, "demo", "--machines", "3", "--to", tmp.resolve("a").toString());
        Cli.airlock(null, "demo", "--machines", "3", "--to", tmp.resolve("b").toString());
        try (Stream<Path> a = Files.list(tmp.resolve("a/AIRLOCK/collected"))) {
            for (Path f : a.toList()) {
                Path other = tmp.resolve("b/AIRLOCK/collected").resolve(f.getFileName());
                assertThat(other).exists();
                assertThat(Files.readAllBytes(other)).as(f.getFileName().toString()).isEqualTo(Files.readAllBytes(f));
                assertThat(Files.readString(f)).contains(".demo.invalid");
            }
        }
    }
}
