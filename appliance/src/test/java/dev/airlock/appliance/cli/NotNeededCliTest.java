package dev.airlock.appliance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.appliance.testing.Samples;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** intake, status, export and list of products that need no CID, as a technician would type them. */
class NotNeededCliTest {
    private static final String PASSPHRASE = "correct horse battery staple";

    @TempDir
    Path tmp;

    private CliRun run(String... args) {
        return CliRun.run(Map.of("AIRLOCK_DATA", tmp.resolve("data").toString(), SecretInput.PASSPHRASE_ENV,
                PASSPHRASE), "", args);
    }

    @Test
    void statusAndExport_sayHowManyWereLeftOutAndWhy_andOnlyTheOthersGoOut() throws Exception {
        assertThat(run("init", "--role", "lab", "--name", "Lab 3").exit()).isZero();
        Path labStick = copyMixedStick(tmp.resolve("lab-stick"));
        CliRun intake = run("intake", labStick.toString());
        assertThat(intake.exit()).as(intake.all()).isZero();
        assertThat(intake.out()).contains("1 needs no CID and stays out of export");

        CliRun status = run("status");
        assertThat(status.out()).containsPattern("NOT_NEEDED +3  needs no CID: already licensed, or a KMS client")
                .contains("3 products left out: 1 already licensed, 2 KMS clients (they need no CID: never exported"
                        + " or put in a kit)")
                .contains("3 products wait for export");
        assertThat(run("status", "--json").out()).contains("\"notNeeded\"").contains("\"KMS_CLIENT\" : 2");
        CliRun listed = run("list", "--state", "not_needed");
        assertThat(listed.exit()).as(listed.all()).isZero();
        assertThat(listed.out()).contains("LAB-MIX-1").contains("LAB-MIX-2").contains("LAB-MIX-3");

        Path stick = Files.createDirectories(tmp.resolve("stick"));
        CliRun export = run("export", "--to", stick.toString());
        assertThat(export.exit()).as(export.all()).isZero();
        assertThat(export.out()).contains("with 3 products")
                .contains("3 products left out: 1 already licensed, 2 KMS clients: they need no CID, so nothing was"
                        + " spent on them");
        CliRun nothing = run("export", "--to", stick.toString());
        assertThat(nothing.exit()).isEqualTo(1);
        assertThat(nothing.err()).contains("nothing to export")
                .contains("3 products left out: 1 already licensed, 2 KMS clients (they need no CID)");
    }

    private static Path copyMixedStick(Path target) throws IOException, URISyntaxException {
        Path source = Path.of(NotNeededCliTest.class.getResource("/dev/airlock/appliance/intake/mixed-channels")
                .toURI());
        try (Stream<Path> files = Files.walk(source)) {
            for (Path p : files.toList()) {
                Path to = target.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
        return target;
    }
}
