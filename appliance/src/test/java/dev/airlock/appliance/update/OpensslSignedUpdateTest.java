package dev.airlock.appliance.update;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.appliance.Appliance;
import dev.airlock.appliance.devices.StickLayout;
import dev.airlock.appliance.testing.Samples;
import dev.airlock.appliance.testing.UpdateRelease;
import dev.airlock.appliance.update.UpdateCheck.Refused;
import dev.airlock.appliance.update.UpdateCheck.Verified;
import dev.airlock.appliance.update.UpdateException.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The image build signs with openssl: keys from {@code openssl genpkey -algorithm ed25519},
 * signatures from {@code openssl pkeyutl -sign -rawin} and the release script
 * {@code image-build/sign-update.sh} run with /bin/sh verify here; and what the appliance stages
 * verifies again with openssl, as the system's update helper checks it.
 */
class OpensslSignedUpdateTest {
    static final String VERSION = "2026.12.01.3";

    @TempDir
    Path tmp;
    Appliance appliance;
    UpdateService updates;
    Path stick;

    @BeforeEach
    void setUp() throws Exception {
        openssl("genpkey", "-algorithm", "ed25519", "-out", "release.pem");
        openssl("pkey", "-in", "release.pem", "-pubout", "-out", "update-key.pem");
        Path os = Files.writeString(tmp.resolve("os-release"), "ID=debian\nIMAGE_VERSION=2026.11.02.1\n");
        appliance = Samples.initLab(tmp.resolve("data"));
        updates = appliance.update(new UpdateConfig(tmp.resolve("update-key.pem"), os, () -> { }));
        stick = Files.createDirectories(tmp.resolve("STICK/AIRLOCK/update")).getParent().getParent();
    }

    @AfterEach
    void close() {
        appliance.close();
    }

    @Test
    void aManifestSignedByOpensslPkeyutl_verifies_andStagesWhatOpensslVerifiesAgain() throws Exception {
        Path dir = StickLayout.Folder.UPDATE.on(stick);
        byte[] image = new byte[1 << 20];
        new SplittableRandom(5).nextBytes(image);
        String imageName = "airlock-" + VERSION + ".root.squashfs";
        Files.write(dir.resolve(imageName), image);
        Path manifest = Files.writeString(dir.resolve("airlock-" + VERSION + ".update"),
                UpdateRelease.manifest(VERSION, imageName, image));
        openssl("pkeyutl", "-sign", "-inkey", "release.pem", "-rawin", "-in", manifest.toString(), "-out",
                manifest + ".sig");
        Verified v = updates.verify(manifest, false, UpdateProgress.none());
        StagedUpdate s = updates.stage(v, Samples.SUPERVISOR, UpdateProgress.none());
        // the helper's check, literally: openssl over the staged manifest and signature, sha256sum of the image
        Run check = run(List.of("openssl", "pkeyutl", "-verify", "-pubin", "-inkey",
                tmp.resolve("update-key.pem").toString(), "-rawin", "-in", s.manifest().toString(), "-sigfile",
                s.manifest() + ".sig"), Map.of());
        assertThat(check.output()).contains("Signature Verified Successfully");
        Run sum = run(List.of("sha256sum", s.image().toString()), Map.of());
        assertThat(sum.output()).startsWith(v.manifest().sha256() + " ");

        // another openssl key's signature is refused
        openssl("genpkey", "-algorithm", "ed25519", "-out", "other.pem");
        openssl("pkeyutl", "-sign", "-inkey", "other.pem", "-rawin", "-in", manifest.toString(), "-out",
                manifest + ".sig");
        UpdateCheck c = updates.check(manifest, false, UpdateProgress.none());
        assertThat(c).isInstanceOf(Refused.class);
        assertThat(((Refused) c).problem()).isEqualTo(Problem.BAD_SIGNATURE);
    }

    @Test
    void signUpdateScript_writesWhatTheApplianceVerifies_andIsReproducible() throws Exception {
        Path squashfs = tmp.resolve("build/airlock-" + VERSION + ".root.squashfs");
        Files.createDirectories(squashfs.getParent());
        byte[] image = new byte[3 << 20];
        new SplittableRandom(9).nextBytes(image);
        Files.write(squashfs, image);
        Path out = StickLayout.Folder.UPDATE.on(stick);
        Map<String, String> env = Map.of("SOURCE_DATE_EPOCH", "1764583200");
        Run r = run(List.of("/bin/sh", script().toString(), tmp.resolve("release.pem").toString(),
                squashfs.toString(), VERSION, out.toString()), env);
        assertThat(r.exit()).as(r.output()).isZero();
        assertThat(r.output()).contains("Put airlock-" + VERSION + ".root.squashfs beside them");
        Path manifest = out.resolve("airlock-" + VERSION + ".update");
        assertThat(Files.readString(manifest)).isEqualTo(UpdateRelease.manifest(VERSION, squashfs.getFileName()
                .toString(), image).replace("2026-12-01T10:00:00Z", "2025-12-01T10:00:00Z"));
        assertThat(Files.size(out.resolve("airlock-" + VERSION + ".update.sig"))).isEqualTo(64);
        try (var s = Files.list(out)) {
            assertThat(s.map(p -> p.getFileName().toString()).sorted().toList())
                    .as("no temp files left").containsExactly("airlock-" + VERSION + ".update",
                            "airlock-" + VERSION + ".update.sig");
        }

        // without the image beside it: refused by name; with it: verified
        UpdateCheck missing = updates.check(manifest, false, UpdateProgress.none());
        assertThat(((Refused) missing).problem()).isEqualTo(Problem.IMAGE_MISSING);
        Files.copy(squashfs, out.resolve(squashfs.getFileName()));
        assertThat(updates.check(manifest, false, UpdateProgress.none())).isInstanceOf(Verified.class);

        // the same inputs give the same bytes (Ed25519 is deterministic, built= from SOURCE_DATE_EPOCH)
        byte[] first = Files.readAllBytes(manifest);
        byte[] firstSig = Files.readAllBytes(out.resolve("airlock-" + VERSION + ".update.sig"));
        Path again = tmp.resolve("again");
        assertThat(run(List.of("/bin/sh", script().toString(), tmp.resolve("release.pem").toString(),
                squashfs.toString(), VERSION, again.toString()), env).exit()).isZero();
        assertThat(Files.readAllBytes(again.resolve("airlock-" + VERSION + ".update"))).isEqualTo(first);
        assertThat(Files.readAllBytes(again.resolve("airlock-" + VERSION + ".update.sig"))).isEqualTo(firstSig);
    }

    @Test
    void signUpdateScript_refusesBadInput_withExit1_orUsageWithExit2() throws Exception {
        Path squashfs = Files.write(tmp.resolve("airlock.root.squashfs"), new byte[] {1, 2, 3});
        Path bad = Files.write(tmp.resolve("bad name.squashfs"), new byte[] {1});
        Path empty = Files.write(tmp.resolve("empty.squashfs"), new byte[0]);
        String key = tmp.resolve("release.pem").toString();
        String out = tmp.resolve("out").toString();
        List<String> failures = new ArrayList<>();
        record Case(List<String> args, int exit, String words) {}
        for (Case c : List.of(
                new Case(List.of(key, squashfs.toString(), VERSION), 2, "usage:"),
                new Case(List.of("/no/key.pem", squashfs.toString(), VERSION, out), 1, "no private key file"),
                new Case(List.of(key, "/no/image", VERSION, out), 1, "no image file"),
                new Case(List.of(key, squashfs.toString(), "2026.12.x", out), 1, "not dotted numbers"),
                new Case(List.of(key, squashfs.toString(), "1..2", out), 1, "not dotted numbers"),
                new Case(List.of(key, squashfs.toString(), "../1", out), 1, "not dotted numbers"),
                new Case(List.of(key, bad.toString(), VERSION, out), 1, "not a plain file name"),
                new Case(List.of(key, empty.toString(), VERSION, out), 1, "is empty"),
                new Case(List.of(tmp.resolve("update-key.pem").toString(), squashfs.toString(), VERSION, out), 1,
                        "could not sign"))) {
            List<String> command = new ArrayList<>(List.of("/bin/sh", script().toString()));
            command.addAll(c.args());
            Run r = run(command, Map.of());
            if (r.exit() != c.exit() || !r.output().contains(c.words())) {
                failures.add(c + " -> exit " + r.exit() + ": " + r.output());
            }
        }
        assertThat(failures).isEmpty();
        assertThat(tmp.resolve("out")).satisfiesAnyOf(p -> assertThat(p).doesNotExist(),
                p -> assertThat(p).isEmptyDirectory());
    }

    /** image-build/sign-update.sh of this checkout. */
    static Path script() {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            Path s = d.resolve("image-build/sign-update.sh");
            if (Files.isRegularFile(s)) {
                return s;
            }
        }
        throw new AssertionError("image-build/sign-update.sh not found above " + Path.of("").toAbsolutePath());
    }

    private void openssl(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        Run r = run(command, Map.of());
        assertThat(r.exit()).as(String.join(" ", command) + ": " + r.output()).isZero();
    }

    record Run(int exit, String output) {}

    private Run run(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(tmp.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), out);
    }
}
