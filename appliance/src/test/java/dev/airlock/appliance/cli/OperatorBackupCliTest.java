package dev.airlock.appliance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.appliance.Appliance;
import dev.airlock.appliance.keys.CheapKeys;
import dev.airlock.appliance.store.ApplianceInfo;
import dev.airlock.appliance.testing.Samples;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The operator, backup and restore commands run in-process, secrets in the environment or on stdin. */
class OperatorBackupCliTest {
    private static final String PASSPHRASE = "correct horse battery staple";

    @TempDir
    Path tmp;

    Path data;

    @BeforeEach
    void setUp() {
        data = tmp.resolve("data");
        // Keys under cheap Argon2id parameters, so each passphrase check takes milliseconds.
        try (Appliance a = Appliance.init(data, ApplianceInfo.Role.LAB, "Lab 3 kiosk", Samples.SUPERVISOR,
                Samples.CLOCK, new SplittableRandom(7), CheapKeys.prepare(PASSPHRASE), d -> { })) {
            for (int n = 1; n <= 3; n++) {
                a.inventory().addManual(Samples.manualEntry(n), Samples.TECHNICIAN);
            }
        }
    }

    private CliRun run(Map<String, String> extraEnv, String stdin, String... args) {
        Map<String, String> env = new HashMap<>(extraEnv);
        env.putIfAbsent("AIRLOCK_DATA", data.toString());
        return CliRun.run(env, stdin, args);
    }

    private CliRun run(String... args) {
        return run(Map.of(), "", args);
    }

    private CliRun withSecrets(String pin, String... args) {
        Map<String, String> env = new HashMap<>();
        env.put(SecretInput.PASSPHRASE_ENV, PASSPHRASE);
        if (pin != null) {
            env.put(OperatorCommand.PIN_ENV, pin);
        }
        return run(env, "", args);
    }

    @Test
    void operatorAdd_list_resetPin_remove() {
        CliRun add = withSecrets("2468", "operator", "add", "Anna", "--role", "supervisor");
        assertThat(add.exit()).as(add.all()).isZero();
        assertThat(add.out()).contains("Added supervisor Anna (operator 1)");
        CliRun ben = run(Map.of(SecretInput.PASSPHRASE_ENV, PASSPHRASE), "1357\n1357\n", "operator", "add", "Ben",
                "--role", "TECHNICIAN");
        assertThat(ben.exit()).as(ben.all()).isZero();

        CliRun list = run("operator", "list");
        assertThat(list.exit()).isZero();
        assertThat(list.out()).containsPattern("1 +Anna +supervisor").containsPattern("2 +Ben +technician")
                .contains("2 operators");
        CliRun json = run("operator", "list", "--json");
        assertThat(json.out()).contains("\"name\" : \"Anna\"").contains("\"role\" : \"technician\"");

        CliRun reset = withSecrets("86420", "operator", "reset-pin", "ben");
        assertThat(reset.exit()).as(reset.all()).isZero();
        assertThat(reset.out()).contains("New PIN set for Ben");

        CliRun last = withSecrets(null, "operator", "remove", "Anna");
        assertThat(last.exit()).isEqualTo(1);
        assertThat(last.err()).contains("Anna is the last supervisor").contains("nothing was changed");
        CliRun remove = withSecrets(null, "operator", "remove", "Ben");
        assertThat(remove.exit()).as(remove.all()).isZero();
        assertThat(run("operator", "list").out()).contains("1 operator").doesNotContain("Ben");

        CliRun log = run("audit", "log");
        assertThat(log.out()).contains("operator.add").contains("operator.pin-reset").contains("operator.remove");
        for (CliRun r : List.of(add, ben, list, json, reset, remove, log)) {
            assertThat(r.all()).doesNotContain("2468").doesNotContain("1357").doesNotContain("86420")
                    .doesNotContain(PASSPHRASE);
        }
        assertThat(run("audit", "verify").exit()).isZero();
    }

    @Test
    void operatorAdd_refusesBadInput_andAWrongOrMissingPassphrase() {
        CliRun badPin = withSecrets("12", "operator", "add", "Anna", "--role", "supervisor");
        assertThat(badPin.exit()).isEqualTo(1);
        assertThat(badPin.err()).contains("PIN must be 4 to 8 digits");
        CliRun differ = run(Map.of(SecretInput.PASSPHRASE_ENV, PASSPHRASE), "1234\n4321\n", "operator", "add", "Anna",
                "--role", "supervisor");
        assertThat(differ.exit()).isEqualTo(1);
        assertThat(differ.err()).contains("the two PINs differ");
        CliRun badRole = withSecrets("1234", "operator", "add", "Anna", "--role", "admin");
        assertThat(badRole.exit()).isEqualTo(2);
        CliRun noPass = run(Map.of(OperatorCommand.PIN_ENV, "1234"), "", "operator", "add", "Anna", "--role",
                "supervisor");
        assertThat(noPass.exit()).isEqualTo(1);
        assertThat(noPass.err()).contains("AIRLOCK_PASSPHRASE");
        CliRun wrongPass = run(Map.of(SecretInput.PASSPHRASE_ENV, "not the passphrase", OperatorCommand.PIN_ENV,
                "1234"), "", "operator", "add", "Anna", "--role", "supervisor");
        assertThat(wrongPass.exit()).isEqualTo(1);
        assertThat(wrongPass.err()).contains("wrong passphrase");
        withSecrets("1234", "operator", "add", "Anna", "--role", "supervisor");
        CliRun dup = withSecrets("1234", "operator", "add", "ANNA", "--role", "technician");
        assertThat(dup.exit()).isEqualTo(1);
        assertThat(dup.err()).contains("an operator called ANNA already exists");
        CliRun unknown = withSecrets("1234", "operator", "reset-pin", "Zed");
        assertThat(unknown.exit()).isEqualTo(1);
        assertThat(unknown.err()).contains("no operator called Zed");
        assertThat(run("operator", "list").out()).contains("1 operator");
    }

    @Test
    void backup_thenRestore_intoANewDir_andWithReplace() throws Exception {
        Path stick = Files.createDirectories(tmp.resolve("stick"));
        CliRun backup = withSecrets(null, "backup", "--to", stick.toString());
        assertThat(backup.exit()).as(backup.all()).isZero();
        Path file = stick.resolve("AIRLOCK/backup/airlock-backup-20250304-050607.alb");
        assertThat(file).isRegularFile();
        assertThat(backup.out()).contains("Wrote backup " + file).contains("3 machines, 3 products");

        Path fresh = tmp.resolve("fresh");
        CliRun restore = run(Map.of(SecretInput.PASSPHRASE_ENV, PASSPHRASE, "AIRLOCK_DATA", fresh.toString()), "",
                "restore", file.toString());
        assertThat(restore.exit()).as(restore.all()).isZero();
        assertThat(restore.out()).contains("Restored appliance 'Lab 3 kiosk'").contains("3 machines, 3 products");
        CliRun status = run(Map.of("AIRLOCK_DATA", fresh.toString()), "", "status");
        assertThat(status.out()).contains("Machines: 3");

        CliRun refused = withSecrets(null, "restore", file.toString());
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err()).contains("a data store already exists").contains("--replace");

        CliRun wrong = run(Map.of(SecretInput.PASSPHRASE_ENV, "not the passphrase"), "", "restore", file.toString(),
                "--replace");
        assertThat(wrong.exit()).isEqualTo(1);
        assertThat(wrong.err()).contains("wrong passphrase for this backup");

        CliRun replace = withSecrets(null, "restore", file.toString(), "--replace", "--data", data.toString());
        assertThat(replace.exit()).as(replace.all()).isZero();
        assertThat(replace.out()).contains("The previous store was moved to " + tmp.resolve(
                "data.before-restore-20250304-050607"));
        try (Stream<Path> siblings = Files.list(tmp)) {
            assertThat(siblings.map(p -> p.getFileName().toString())).contains("data.before-restore-20250304-050607");
        }
        CliRun log = run("audit", "log", "--limit", "1");
        assertThat(log.out()).contains("backup.restore");
        assertThat(run("audit", "verify").exit()).isZero();
        for (CliRun r : List.of(backup, restore, refused, wrong, replace)) {
            assertThat(r.all()).doesNotContain(PASSPHRASE);
        }
    }

    @Test
    void backup_withoutStickOption_isAUsageError() {
        assertThat(withSecrets(null, "backup").exit()).isEqualTo(2);
        assertThat(withSecrets(null, "restore").exit()).isEqualTo(2);
    }
}
