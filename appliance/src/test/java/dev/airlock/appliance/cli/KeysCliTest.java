package dev.airlock.appliance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.appliance.testing.Samples;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The keys, trust and MAK commands run in-process, with the passphrase in the environment and keys on stdin. */
class KeysCliTest {
    private static final String PASSPHRASE = "correct horse battery staple";
    /** Made-up keys in the MAK alphabet, not real product keys. */
    private static final String KEY = "BCDFG-HJKMP-QRTVW-XY234-6789B";

    @TempDir
    Path tmp;

    final List<Duration> slept = new ArrayList<>();

    private CliRun run(String passphrase, String stdin, String... args) {
        return runIn(tmp.resolve("data"), passphrase, stdin, args);
    }

    private CliRun runIn(Path data, String passphrase, String stdin, String... args) {
        Map<String, String> env = new HashMap<>();
        env.put("AIRLOCK_DATA", data.toString());
        if (passphrase != null) {
            env.put(SecretInput.PASSPHRASE_ENV, passphrase);
        }
        return CliRun.run(env, stdin, slept::add, args);
    }

    private void init() {
        CliRun init = run(PASSPHRASE, "", "init", "--role", "lab", "--name", "Lab 3 kiosk");
        assertThat(init.exit()).as(init.all()).isZero();
    }

    @Test
    void init_createsTheKeyPair_andPrintsItsFingerprintInSixGroups() {
        CliRun init = run(PASSPHRASE, "", "init", "--role", "lab", "--name", "Lab 3 kiosk");
        assertThat(init.exit()).as(init.all()).isZero();
        assertThat(init.out()).containsPattern("fingerprint \\d{5}( \\d{5}){5}").doesNotContain(PASSPHRASE);
        CliRun show = run(null, "", "key", "show");
        assertThat(show.exit()).isZero();
        assertThat(show.out()).contains("BEGIN PUBLIC KEY");
        assertThat(run(null, "", "audit", "verify").exit()).isZero();
        assertThat(run(null, "", "audit", "log").out()).contains("keys.init").doesNotContain(PASSPHRASE);
    }

    @Test
    void init_withShortPassphrase_orNone_isRefusedAndLeavesNoStore() {
        CliRun shortOne = run("too short", "", "init", "--role", "lab", "--name", "Lab");
        assertThat(shortOne.exit()).isEqualTo(1);
        assertThat(shortOne.err()).contains("too short").contains("at least 10 characters").doesNotContain("too short\"");
        CliRun none = run(null, "", "init", "--role", "lab", "--name", "Lab");
        assertThat(none.exit()).isEqualTo(1);
        assertThat(none.err()).contains("AIRLOCK_PASSPHRASE");
        assertThat(tmp.resolve("data/airlock.db")).doesNotExist();
    }

    @Test
    void keyInit_givesAnOldStoreItsKeys_onceOnly() {
        Samples.initLab(tmp.resolve("data")).close(); // a store as the earlier version made it: no keys
        CliRun show = run(null, "", "key", "show");
        assertThat(show.exit()).isEqualTo(1);
        assertThat(show.err()).contains("./airlock key init");
        CliRun keyInit = run(PASSPHRASE, "", "key", "init");
        assertThat(keyInit.exit()).as(keyInit.all()).isZero();
        assertThat(keyInit.out()).contains("Key pair created");
        CliRun again = run(PASSPHRASE, "", "key", "init");
        assertThat(again.exit()).isEqualTo(1);
        assertThat(again.err()).contains("already has a key pair");
    }

    @Test
    void makAdd_fromStdin_listShowsOnlyTheLast5_andNothingPrintsTheKey() throws Exception {
        init();
        CliRun add = run(PASSPHRASE, KEY + "\n", "mak", "add", "--description", "Windows 11 Enterprise");
        assertThat(add.exit()).as(add.all()).isZero();
        assertThat(add.out()).contains("Added MAK 1: *****-*****-*****-*****-6789B");
        CliRun list = run(null, "", "mak", "list");
        assertThat(list.exit()).isZero();
        assertThat(list.out()).contains("6789B").contains("Windows 11 Enterprise").contains("unknown");
        CliRun json = run(null, "", "mak", "list", "--json");
        assertThat(json.out()).contains("\"partialKey\" : \"6789B\"");
        CliRun log = run(null, "", "audit", "log");
        assertThat(log.out()).contains("mak.add");
        for (CliRun r : List.of(add, list, json, log)) {
            assertThat(r.all()).doesNotContain("BCDFG").doesNotContain("HJKMP").doesNotContain(PASSPHRASE);
        }
        assertThat(run(null, "", "audit", "verify").exit()).isZero();
        byte[] db = Files.readAllBytes(tmp.resolve("data/airlock.db"));
        assertThat(new String(db, StandardCharsets.ISO_8859_1)).doesNotContain("BCDFG").doesNotContain(PASSPHRASE);
    }

    @Test
    void makAdd_invalidKey_isRejectedWithoutEchoingIt() {
        init();
        CliRun bad = run(PASSPHRASE, "W7XQ2-TP9CK-HMY3R-G8VDJ-4BF6A\n", "mak", "add");
        assertThat(bad.exit()).isEqualTo(1);
        assertThat(bad.err()).contains("character 25 is not allowed").doesNotContain("W7XQ2").doesNotContain("TP9CK")
                .doesNotContain("4BF6A");
        assertThat(run(null, "", "mak", "list").out()).contains("0 MAKs");
    }

    @Test
    void makAdd_keyOnTheCommandLine_isRefusedWithoutEchoingIt() {
        init();
        CliRun argv = run(PASSPHRASE, "", "mak", "add", KEY);
        assertThat(argv.exit()).isEqualTo(2);
        assertThat(argv.err()).contains("never given on the command line").doesNotContain("BCDFG").doesNotContain("6789B");
        assertThat(run(null, "", "mak", "list").out()).contains("0 MAKs");
    }

    @Test
    void makAdd_wrongPassphrase_saysSo_andAddsNothing() {
        init();
        CliRun wrong = run("not the passphrase", KEY + "\n", "mak", "add");
        assertThat(wrong.exit()).isEqualTo(1);
        assertThat(wrong.err()).contains("wrong passphrase").doesNotContain("GCM").doesNotContain("BCDFG");
        assertThat(run(null, "", "mak", "list").out()).contains("0 MAKs");
    }

    @Test
    void wrongPassphrases_fiveInARow_thenTheCliSaysWaitNSeconds() {
        init();
        for (int i = 0; i < 5; i++) {
            run("not the passphrase", KEY + "\n", "mak", "add");
        }
        CliRun sixth = run(PASSPHRASE, KEY + "\n", "mak", "add");
        assertThat(sixth.err()).contains("wait 30 seconds");
        assertThat(slept).containsExactly(Duration.ofSeconds(30));
        assertThat(sixth.exit()).as(sixth.all()).isZero();
    }

    @Test
    void makRemove_thenListIsEmpty_andUnknownIdIsRejected() {
        init();
        run(PASSPHRASE, KEY + "\n", "mak", "add");
        assertThat(run(null, "", "mak", "remove", "1").exit()).isZero();
        assertThat(run(null, "", "mak", "list").out()).contains("0 MAKs");
        CliRun again = run(null, "", "mak", "remove", "1");
        assertThat(again.exit()).isEqualTo(1);
        assertThat(again.err()).contains("no MAK with id 1");
    }

    @Test
    void collectorKit_installMakFromTheVault_writesTheKeyButPrintsOnlyItsTail() throws Exception {
        init();
        run(PASSPHRASE, KEY + "\n", "mak", "add");
        Path stick = Files.createDirectories(tmp.resolve("stick"));
        CliRun kit = run(PASSPHRASE, "", "collector-kit", "--to", stick.toString(), "--install-mak", "1");
        assertThat(kit.exit()).as(kit.all()).isZero();
        assertThat(kit.all()).contains("clear text").contains("6789B").doesNotContain("BCDFG");
        assertThat(Files.readString(stick.resolve("AIRLOCK/collector/InstallKey.txt")).strip()).isEqualTo(KEY);
        assertThat(run(null, "", "audit", "log").out()).contains("mak.reveal");

        CliRun literal = run(PASSPHRASE, "", "collector-kit", "--to", stick.toString(), "--install-mak", KEY);
        assertThat(literal.exit()).isEqualTo(1);
        assertThat(literal.err()).contains("never the key itself").doesNotContain("BCDFG").doesNotContain("6789B");
        CliRun unknown = run(PASSPHRASE, "", "collector-kit", "--to", stick.toString(), "--install-mak", "9");
        assertThat(unknown.exit()).isEqualTo(1);
        assertThat(unknown.err()).contains("no MAK with id 9");
        CliRun wrong = run("not the passphrase", "", "collector-kit", "--to", stick.toString(), "--install-mak", "1");
        assertThat(wrong.exit()).isEqualTo(1);
        assertThat(wrong.err()).contains("wrong passphrase");
    }

    @Test
    void trustListAndRemove_onAnEmptyTrustStore() {
        init();
        CliRun list = run(null, "", "trust", "list");
        assertThat(list.exit()).isZero();
        assertThat(list.out()).contains("0 trusted peers");
        CliRun remove = run(null, "", "trust", "remove", "nobody");
        assertThat(remove.exit()).isEqualTo(1);
        assertThat(remove.err()).contains("no trusted peer");
    }

    @Test
    void keyCard_thenTrustAddOnTheGateway_pinsOnlyWithTheRightFingerprint() throws Exception {
        init();
        Path gw = tmp.resolve("gw");
        assertThat(runIn(gw, PASSPHRASE, "", "init", "--role", "gateway", "--name", "GW").exit()).isZero();
        Path stick = Files.createDirectories(tmp.resolve("stick"));
        CliRun card = run(PASSPHRASE, "", "key", "card", "--to", stick.toString(), "--label", "Lab 3");
        assertThat(card.exit()).as(card.all()).isZero();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("Fingerprint: +(\\d{5}( \\d{5}){5})")
                .matcher(card.out());
        assertThat(m.find()).as(card.out()).isTrue();
        String fingerprint = m.group(1);
        Path cardFile;
        try (var files = Files.list(stick)) {
            List<Path> all = files.sorted().toList();
            assertThat(all).anySatisfy(p -> assertThat(p.toString()).endsWith(".png"));
            cardFile = all.stream().filter(p -> p.toString().endsWith(".xml")).findFirst().orElseThrow();
        }
        assertThat(Files.readString(cardFile)).contains("Lab 3").doesNotContain("Lab 3 kiosk");

        String typo = (fingerprint.charAt(0) == '9' ? "8" : "9") + fingerprint.substring(1);
        CliRun wrong = runIn(gw, null, "", "trust", "add", cardFile.toString(), "--fingerprint", typo);
        assertThat(wrong.exit()).isEqualTo(1);
        assertThat(wrong.err()).contains("does not match").contains("group 1").contains("nothing was stored");
        assertThat(runIn(gw, null, "", "trust", "list").out()).contains("0 trusted peers");

        CliRun ok = runIn(gw, null, "", "trust", "add", cardFile.toString(), "--fingerprint", fingerprint);
        assertThat(ok.exit()).as(ok.all()).isZero();
        assertThat(ok.out()).contains("Trusted lab 'Lab 3'");
        CliRun list = runIn(gw, null, "", "trust", "list");
        assertThat(list.out()).contains("lab").contains("Lab 3").contains(fingerprint).contains("tester");

        CliRun onLab = run(null, "", "trust", "add", cardFile.toString(), "--fingerprint", fingerprint);
        assertThat(onLab.exit()).isEqualTo(1);
        assertThat(onLab.err()).contains("a lab trusts only gateways");

        assertThat(runIn(gw, null, "", "trust", "remove", "lab 3").exit()).isZero();
        assertThat(runIn(gw, null, "", "trust", "list").out()).contains("0 trusted peers");
        assertThat(runIn(gw, null, "", "audit", "verify").exit()).isZero();
        assertThat(run(null, "", "audit", "verify").exit()).isZero();
    }

    @Test
    void trustAdd_aFileThatIsNoCard_isRejected() throws Exception {
        init();
        Path notACard = Files.writeString(tmp.resolve("card.xml"), "<hello/>");
        CliRun r = run(null, "", "trust", "add", notACard.toString(), "--fingerprint", "1".repeat(30));
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("nothing was stored");
        CliRun badDigits = run(null, "", "trust", "add", notACard.toString(), "--fingerprint", "12345");
        assertThat(badDigits.exit()).isEqualTo(1);
        assertThat(badDigits.err()).contains("30 digits");
    }
}
