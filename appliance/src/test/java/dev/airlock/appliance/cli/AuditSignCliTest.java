package dev.airlock.appliance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.appliance.Appliance;
import dev.airlock.appliance.audit.ChainReport;
import dev.airlock.appliance.store.Store;
import dev.airlock.appliance.testing.Samples;
import dev.airlock.appliance.testing.Sqlite3;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The signed audit head against a forger with a shell: a real store made by the CLI and the
 * services, rows edited with the sqlite3 shell and the whole chain recomputed with sha256sum
 * (outside Java), signatures checked by openssl alone.
 */
class AuditSignCliTest {
    private static final String PASSPHRASE = "correct horse battery staple";
    private static final Pattern PEM = Pattern.compile("(?s)-----BEGIN PUBLIC KEY-----.*?-----END PUBLIC KEY-----");
    private static final Pattern KEY_ID = Pattern.compile("Key id\\s+([0-9a-f]{16})");

    @TempDir
    Path tmp;

    Path data;
    Path db;
    int machines;

    @BeforeEach
    void labSetUpByTheCli() {
        data = tmp.resolve("data");
        db = data.resolve(Store.FILE_NAME);
        ok(run(PASSPHRASE, "init", "--role", "lab", "--name", "Lab 3 kiosk"));
    }

    @Test
    void auditVerify_afterChainRecomputedWithTheSqlite3Shell_isTamperedNamingTheRowAndTheSignedHead()
            throws Exception {
        addMachines(2);
        ok(run(PASSPHRASE, "audit", "sign"));
        addMachines(3);
        ok(run(PASSPHRASE, "audit", "sign"));
        addMachines(2);
        List<Long> heads = signedHeads();
        long first = heads.get(0);
        long second = heads.get(1);
        long edited = first + 2;
        assertThat(Sqlite3.run(db, "SELECT action FROM audit_log WHERE seq = " + edited)).contains("machine.added");

        Sqlite3.run(db, "UPDATE audit_log SET details = 'host=FORGED-PC' WHERE seq = " + edited);
        sh("recompute-chain.sh", db.toString(), Long.toString(edited));

        try (Appliance app = Appliance.open(data, Samples.CLOCK)) {
            assertThat(app.audit().verify()).as("the chain alone, as verify checked it before signed heads")
                    .isInstanceOf(ChainReport.Intact.class);
        }
        CliRun verify = run(null, "audit", "verify");
        assertThat(verify.exit()).as(verify.all()).isEqualTo(ExitCodes.REJECTED);
        assertThat(verify.err()).contains("TAMPERED at row " + second + ":")
                .contains("row " + second + " no longer matches the head signed 2025-03-04 05:06:07 UTC over rows 1 to "
                        + second)
                .contains("one of rows " + (first + 1) + " to " + second + " was changed")
                .contains("proven by the head signed 2025-03-04 05:06:07 UTC over rows 1 to " + second);
        CliRun json = run(null, "audit", "verify", "--json");
        assertThat(json.exit()).isEqualTo(ExitCodes.REJECTED);
        assertThat(Json.MAPPER.readTree(json.out()).get("status").asText()).isEqualTo("tampered");
        assertThat(Json.MAPPER.readTree(json.out()).get("row").asLong()).isEqualTo(second);
        assertThat(Json.MAPPER.readTree(json.out()).get("provenBy").get("rows").asLong()).isEqualTo(second);
    }

    @Test
    void auditVerify_afterEditBeforeTheFirstHead_isTamperedAtTheFirstHead() throws Exception {
        addMachines(3);
        ok(run(PASSPHRASE, "audit", "sign"));
        long head = signedHeads().get(0);

        Sqlite3.run(db, "UPDATE audit_log SET operator = 'mallory' WHERE seq = 3");
        sh("recompute-chain.sh", db.toString(), "3");

        CliRun verify = run(null, "audit", "verify");
        assertThat(verify.exit()).as(verify.all()).isEqualTo(ExitCodes.REJECTED);
        assertThat(verify.err()).contains("TAMPERED at row " + head + ":").contains("one of rows 1 to " + head);
    }

    @Test
    void auditVerify_withSignatureBytesFlipped_isTamperedAndOpensslRefusesItToo() throws Exception {
        addMachines(1);
        ok(run(PASSPHRASE, "audit", "sign"));
        long head = signedHeads().get(0);
        byte[] sig = HexFormat.of().parseHex(Sqlite3.run(db, "SELECT hex(signature) FROM audit_signed_head").strip());
        sig[0] ^= (byte) 0x80;
        Sqlite3.run(db, "UPDATE audit_signed_head SET signature = X'" + HexFormat.of().formatHex(sig) + "'");

        CliRun verify = run(null, "audit", "verify");
        assertThat(verify.exit()).as(verify.all()).isEqualTo(ExitCodes.REJECTED);
        assertThat(verify.err()).contains("TAMPERED at row " + head).contains("does not check out");
        assertThat(opensslVerify(head).out()).doesNotContain("Signature Verified Successfully");
    }

    @Test
    void auditVerify_withASignedHeadDeleted_isTamperedNamingTheRowThatRecordsIt() throws Exception {
        addMachines(1);
        ok(run(PASSPHRASE, "audit", "sign"));
        addMachines(1);
        ok(run(PASSPHRASE, "audit", "sign"));
        long first = signedHeads().get(0);
        Sqlite3.run(db, "DELETE FROM audit_signed_head WHERE row_count = " + first);

        CliRun verify = run(null, "audit", "verify");
        assertThat(verify.exit()).as(verify.all()).isEqualTo(ExitCodes.REJECTED);
        assertThat(verify.err()).contains("TAMPERED at row " + first + ":").contains("signed heads were deleted")
                .contains("proven by the head signed");
    }

    @Test
    void auditVerify_withRowsAfterTheLastHead_isIntactAndSaysTheyAreNotYetSigned() {
        ok(run(PASSPHRASE, "audit", "sign"));
        addMachines(2);

        CliRun verify = run(null, "audit", "verify");
        assertThat(verify.exit()).as(verify.all()).isZero();
        assertThat(verify.out()).contains("Audit log intact")
                .contains("2 rows since the last signed head (signed 2025-03-04 05:06:07 UTC): chained, but not yet"
                        + " signed");
    }

    @Test
    void auditVerify_beforeAnySignedHead_isIntactAndSaysNothingProvesTheRows() throws Exception {
        CliRun verify = run(null, "audit", "verify");

        assertThat(verify.exit()).as(verify.all()).isZero();
        assertThat(verify.out()).contains("Audit log intact").contains("No signed head yet");
        CliRun json = run(null, "audit", "verify", "--json");
        assertThat(Json.MAPPER.readTree(json.out()).get("signedHeads").asLong()).isZero();
        assertThat(Json.MAPPER.readTree(json.out()).get("lastSignedHead").isNull()).isTrue();
    }

    @Test
    void auditSign_thenVerify_provesEveryRow_andOpensslChecksTheSignatureAlone() throws Exception {
        addMachines(2);
        CliRun sign = run(PASSPHRASE, "audit", "sign");
        ok(sign);
        long head = signedHeads().get(0);
        assertThat(sign.out()).contains("rows 1 to " + head);

        CliRun verify = run(null, "audit", "verify");
        assertThat(verify.exit()).as(verify.all()).isZero();
        assertThat(verify.out()).contains("rows 1 to " + head + " are proven").contains("Every row is under a signed"
                + " head");
        CliRun openssl = opensslVerify(head);
        assertThat(openssl.exit()).as(openssl.all()).isZero();
        assertThat(openssl.out()).contains("Signature Verified Successfully");
    }

    @Test
    void auditSign_withWrongPassphrase_isRefusedAndSignsNothing() {
        CliRun sign = run("not the passphrase at all", "audit", "sign");

        assertThat(sign.exit()).isEqualTo(ExitCodes.REJECTED);
        assertThat(sign.err()).contains("wrong passphrase");
        assertThat(signedHeads()).isEmpty();
    }

    @Test
    void passphraseCommand_signsTheHeadOnItsWay() {
        addMachines(1);
        Map<String, String> env = env(PASSPHRASE);
        env.put("AIRLOCK_DATA", data.toString());
        ok(CliRun.run(env, "BCDFG-HJKMP-QRTVW-XY234-6789B\n", "mak", "add"));

        assertThat(signedHeads()).hasSize(1);
        CliRun verify = run(null, "audit", "verify");
        assertThat(verify.out()).contains("1 row since the last signed head");
    }

    private void addMachines(int n) {
        try (Appliance app = Appliance.open(data, Samples.CLOCK)) {
            for (int i = 0; i < n; i++) {
                app.inventory().addManual(Samples.manualEntry(++machines), Samples.TECHNICIAN);
            }
        }
    }

    private List<Long> signedHeads() {
        List<Long> rows = new ArrayList<>();
        for (String line : Sqlite3.run(db, "SELECT row_count FROM audit_signed_head ORDER BY row_count").split("\n")) {
            if (!line.isBlank()) {
                rows.add(Long.parseLong(line.strip()));
            }
        }
        return rows;
    }

    private CliRun opensslVerify(long head) throws Exception {
        String show = run(null, "key", "show").out();
        Matcher pem = PEM.matcher(show);
        Matcher id = KEY_ID.matcher(show);
        assertThat(pem.find()).as(show).isTrue();
        assertThat(id.find()).as(show).isTrue();
        Path dir = Files.createDirectories(tmp.resolve("openssl-" + System.nanoTime()));
        Files.writeString(dir.resolve("key.pem"), pem.group() + "\n");
        return sh(dir, "openssl-verify-head.sh", db.toString(), "key.pem", id.group(1), Long.toString(head));
    }

    private CliRun sh(String script, String... args) throws Exception {
        CliRun r = sh(tmp, script, args);
        assertThat(r.exit()).as(r.all()).isZero();
        return r;
    }

    /** Runs one of this test's shell scripts with /bin/sh in {@code dir}. */
    private CliRun sh(Path dir, String script, String... args) throws IOException, InterruptedException {
        Path file = dir.resolve(script);
        try (InputStream in = AuditSignCliTest.class.getResourceAsStream("/dev/airlock/appliance/audit/" + script)) {
            Files.write(file, in.readAllBytes());
        }
        List<String> cmd = new ArrayList<>(List.of("/bin/sh", file.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new CliRun(p.exitValue(), out, "");
    }

    private static Map<String, String> env(String passphrase) {
        return new HashMap<>(Map.of(SecretInput.PASSPHRASE_ENV, passphrase));
    }

    private CliRun run(String passphrase, String... args) {
        Map<String, String> env = passphrase == null ? new HashMap<>() : env(passphrase);
        env.put("AIRLOCK_DATA", data.toString());
        return CliRun.run(env, "", args);
    }

    private static void ok(CliRun r) {
        assertThat(r.exit()).as(r.all()).isZero();
    }
}
