package dev.airlock.appliance.update;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.airlock.appliance.Appliance;
import dev.airlock.appliance.audit.AuditEntry;
import dev.airlock.appliance.testing.Samples;
import dev.airlock.appliance.testing.UpdateRelease;
import dev.airlock.appliance.update.UpdateCheck.Refused;
import dev.airlock.appliance.update.UpdateCheck.Verified;
import dev.airlock.appliance.update.UpdateException.Problem;
import dev.airlock.appliance.update.UpdateStatus.Phase;
import dev.airlock.formats.signature.SigningKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Verifying, staging, status and restart on real temp folders and a real store. */
class UpdateServiceTest {
    static final String RUNNING = "2026.11.02.1";
    static final String NEXT = "2026.12.01.3";
    static final int IMAGE_BYTES = 3 * 1024 * 1024 + 17;

    @TempDir
    Path tmp;
    Appliance appliance;
    UpdateRelease release;
    UpdateService updates;
    Path stick;

    @BeforeEach
    void setUp() throws IOException {
        appliance = Samples.initLab(tmp.resolve("data"));
        release = new UpdateRelease(tmp.resolve("image"), RUNNING);
        updates = appliance.update(release.config());
        stick = Files.createDirectories(tmp.resolve("STICK"));
    }

    @AfterEach
    void close() {
        appliance.close();
    }

    private Path staged() {
        return appliance.dataDir().resolve("update/staged");
    }

    private List<String> stagedNames() throws IOException {
        if (!Files.isDirectory(staged())) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(staged())) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private Problem refusal(Path manifest, boolean reinstall) {
        UpdateCheck c = updates.check(manifest, reinstall, UpdateProgress.none());
        assertThat(c).isInstanceOf(Refused.class);
        return ((Refused) c).problem();
    }

    private String message(Path manifest) {
        return ((Refused) updates.check(manifest, false, UpdateProgress.none())).message();
    }

    @Test
    void running_readsImageVersionFromOsRelease_orSaysItIsNoApplianceImage() throws IOException {
        assertThat(updates.running()).isEqualTo(new RunningImage.Version(ImageVersion.parse(RUNNING)));
        release.running(null);
        assertThat(updates.running()).isEqualTo(new RunningImage.NotAnImage(
                "This is not an appliance image; updates apply only on the appliance"));
        Files.delete(release.osRelease);
        assertThat(updates.running()).isInstanceOf(RunningImage.NotAnImage.class);
        Files.writeString(release.osRelease, "IMAGE_VERSION=next\n");
        assertThat(((RunningImage.NotAnImage) updates.running()).reason()).contains("IMAGE_VERSION=next");
    }

    @Test
    void find_andCheck_aSignedNewerUpdate_isVerified() throws Exception {
        Path manifest = UpdateRelease.write(stick, NEXT, IMAGE_BYTES);
        Files.writeString(stick.resolve("AIRLOCK/update/notes.txt"), "not an update");
        assertThat(updates.find(stick)).containsExactly(manifest);
        assertThat(updates.find(tmp.resolve("empty"))).isEmpty();
        List<Long> seen = new ArrayList<>();
        Verified v = updates.verify(manifest, false, (step, done, total) -> seen.add(done));
        assertThat(v.manifest().version()).isEqualTo(ImageVersion.parse(NEXT));
        assertThat(v.image()).isEqualTo(stick.resolve("AIRLOCK/update/airlock-" + NEXT + ".root.squashfs"));
        assertThat(v.notNewer()).isFalse();
        assertThat(seen).first().isEqualTo(0L);
        assertThat(seen).last().isEqualTo((long) IMAGE_BYTES);
        assertThat(updates.checkStick(stick, false, UpdateProgress.none())).singleElement()
                .isInstanceOf(Verified.class);
    }

    @Test
    void verify_withAnotherKey_aTamperedManifest_orABadSignatureFile_isRefused() throws Exception {
        Path manifest = UpdateRelease.write(stick, NEXT, 4096);
        Path sig = manifest.resolveSibling(manifest.getFileName() + ".sig");
        byte[] good = Files.readAllBytes(manifest);
        byte[] goodSig = Files.readAllBytes(sig);

        SigningKey other = SigningKey.fromSeed(HexFormat.of().parseHex(
                "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"));
        Files.write(sig, other.signer().sign(good));
        assertThat(refusal(manifest, false)).isEqualTo(Problem.BAD_SIGNATURE);
        assertThat(message(manifest)).startsWith("The update's signature does not match the release key built into"
                + " this appliance: do not use this file");

        Files.write(sig, goodSig);
        byte[] tampered = new String(good, StandardCharsets.UTF_8).replace("size=4096", "size=4095")
                .getBytes(StandardCharsets.UTF_8);
        Files.write(manifest, tampered);
        assertThat(refusal(manifest, false)).isEqualTo(Problem.BAD_SIGNATURE);
        Files.write(manifest, good);
        assertThat(updates.check(manifest, false, UpdateProgress.none())).isInstanceOf(Verified.class);

        for (byte[] bad : List.of(new byte[0], new byte[32], java.util.Arrays.copyOf(goodSig, 63), new byte[64],
                java.util.Arrays.copyOf(goodSig, 65))) {
            Files.write(sig, bad);
            assertThat(refusal(manifest, false)).as("%d-byte signature", bad.length).isEqualTo(Problem.BAD_SIGNATURE);
        }
        Files.write(sig, new byte[10]);
        assertThat(message(manifest)).contains("is damaged (10 bytes; a signature has 64)");
        Files.delete(sig);
        assertThat(message(manifest)).contains("has no signature file (airlock-" + NEXT + ".update.sig) beside it");
    }

    @Test
    void verify_aTamperedMissingOrCutImage_isRefused_beforeAnythingIsStaged() throws Exception {
        Path manifest = UpdateRelease.write(stick, NEXT, 100_000);
        Path image = stick.resolve("AIRLOCK/update/airlock-" + NEXT + ".root.squashfs");
        byte[] good = Files.readAllBytes(image);
        byte[] flipped = good.clone();
        flipped[50_000] ^= 1;
        Files.write(image, flipped);
        assertThat(refusal(manifest, false)).isEqualTo(Problem.DIGEST_MISMATCH);
        assertThat(message(manifest)).contains("does not match the checksum the release key signed");
        Files.write(image, java.util.Arrays.copyOf(good, good.length - 1));
        assertThat(refusal(manifest, false)).isEqualTo(Problem.SIZE_MISMATCH);
        assertThat(message(manifest)).contains("has 99999 bytes, but the signed manifest says 100000");
        Files.delete(image);
        assertThat(refusal(manifest, false)).isEqualTo(Problem.IMAGE_MISSING);
        assertThat(stagedNames()).isEmpty();
    }

    @Test
    void verify_aSignedButMalformedManifest_isRefusedAsMalformed() throws Exception {
        byte[] manifest = "format=airlock-update-1\nversion=2026.12.01.3\nimage=../../etc/passwd\nsize=1\nsha256="
                .concat("0".repeat(64)).concat("\nbuilt=2026-12-01T10:00:00Z\n").getBytes(StandardCharsets.UTF_8);
        Path m = UpdateRelease.write(stick, NEXT, "x.squashfs", new byte[1], manifest, UpdateRelease.KEY);
        assertThat(refusal(m, false)).isEqualTo(Problem.MALFORMED);
        assertThat(message(m)).contains("is signed, but its manifest is not valid: image '../../etc/passwd' is a path");
        Files.write(m, new byte[5000]);
        assertThat(refusal(m, false)).isEqualTo(Problem.MALFORMED);
    }

    @Test
    void verify_theSameOrAnOlderVersion_isRefused_unlessASupervisorChoosesToReinstall() throws Exception {
        Path same = UpdateRelease.write(stick, RUNNING, 4096);
        Path older = UpdateRelease.write(stick, "2026.11.01.9", 4096);
        assertThat(refusal(same, false)).isEqualTo(Problem.NOT_NEWER);
        assertThat(message(same)).contains("the version running now: there is nothing to update");
        assertThat(refusal(older, false)).isEqualTo(Problem.NOT_NEWER);
        assertThat(message(older)).contains("older than the running version " + RUNNING);
        Verified again = updates.verify(same, true, UpdateProgress.none());
        assertThat(again.notNewer()).isTrue();
        assertThat(updates.verify(older, true, UpdateProgress.none()).notNewer()).isTrue();
        StagedUpdate s = updates.stage(again, Samples.SUPERVISOR, UpdateProgress.none());
        assertThat(s.version()).isEqualTo(ImageVersion.parse(RUNNING));
        assertThat(appliance.audit().recent(1, "").get(0).details()).contains("installed on purpose");
    }

    @Test
    void verify_withoutTheReleaseKey_saysTheApplianceCannotCheckUpdates() throws Exception {
        Path manifest = UpdateRelease.write(stick, NEXT, 4096);
        Files.delete(release.releaseKey);
        assertThat(refusal(manifest, false)).isEqualTo(Problem.NO_RELEASE_KEY);
        assertThat(message(manifest)).contains("is missing: this appliance cannot check updates");
        Files.writeString(release.releaseKey, "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n");
        assertThat(refusal(manifest, false)).isEqualTo(Problem.NO_RELEASE_KEY);
    }

    @Test
    void stage_copiesImageManifestAndSignature_thenWritesTheRequest_andAudits() throws Exception {
        Path manifest = UpdateRelease.write(stick, NEXT, IMAGE_BYTES);
        Verified v = updates.verify(manifest, false, UpdateProgress.none());
        List<UpdateProgress.Step> steps = new ArrayList<>();
        StagedUpdate s = updates.stage(v, Samples.SUPERVISOR, (step, done, total) -> {
            if (steps.isEmpty() || steps.get(steps.size() - 1) != step) {
                steps.add(step);
            }
        });
        assertThat(steps).containsExactly(UpdateProgress.Step.COPYING, UpdateProgress.Step.CHECKING_COPY);
        String name = "airlock-" + NEXT + ".update";
        assertThat(stagedNames()).containsExactly("airlock-" + NEXT + ".root.squashfs", name, name + ".sig");
        assertThat(Files.readAllBytes(s.image())).isEqualTo(Files.readAllBytes(v.image()));
        assertThat(Files.readAllBytes(s.manifest())).isEqualTo(Files.readAllBytes(manifest));
        assertThat(Files.readAllBytes(staged().resolve(name + ".sig")))
                .isEqualTo(Files.readAllBytes(manifest.resolveSibling(name + ".sig")));
        assertThat(s.request()).isEqualTo(appliance.dataDir().resolve("update/request"));
        assertThat(Files.readString(s.request())).isEqualTo(name + "\n");
        AuditEntry row = appliance.audit().recent(1, "").get(0);
        assertThat(row.action()).isEqualTo("update.stage");
        assertThat(row.subject()).isEqualTo("update " + NEXT);
        assertThat(row.details()).contains("running " + RUNNING, "sha256 " + v.manifest().sha256());

        UpdateStatus st = updates.status();
        assertThat(st.phase()).isEqualTo(Phase.REQUESTED);
        assertThat(st.version()).contains(NEXT);
        assertThatThrownBy(() -> updates.stage(v, Samples.SUPERVISOR, UpdateProgress.none()))
                .isInstanceOf(UpdateException.class).hasMessageContaining("waits for the system to write it")
                .extracting(e -> ((UpdateException) e).problem()).isEqualTo(Problem.BUSY);
        assertThat(appliance.audit().verify()).isInstanceOf(dev.airlock.appliance.audit.ChainReport.Intact.class);
    }

    @Test
    void stage_whenTheImageChangedAfterVerify_stagesNothing() throws Exception {
        Path manifest = UpdateRelease.write(stick, NEXT, 200_000);
        Verified v = updates.verify(manifest, false, UpdateProgress.none());
        byte[] image = Files.readAllBytes(v.image());
        image[199_999] ^= 1;
        Files.write(v.image(), image);
        assertThatThrownBy(() -> updates.stage(v, Samples.SUPERVISOR, UpdateProgress.none()))
                .extracting(e -> ((UpdateException) e).problem()).isEqualTo(Problem.DIGEST_MISMATCH);
        assertThat(stagedNames()).isEmpty();
        assertThat(appliance.dataDir().resolve("update/request")).doesNotExist();
        Files.write(v.image(), java.util.Arrays.copyOf(image, 300_000));
        assertThatThrownBy(() -> updates.stage(v, Samples.SUPERVISOR, UpdateProgress.none()))
                .hasMessageContaining("grew while it was copied");
        assertThat(stagedNames()).isEmpty();
    }

    @Test
    void stage_outsideAnApplianceImage_isRefused_butTheStickCanStillBeChecked() throws Exception {
        Path manifest = UpdateRelease.write(stick, NEXT, 4096);
        release.running(null);
        Verified v = updates.verify(manifest, false, UpdateProgress.none());
        assertThat(v.running()).isEmpty();
        assertThatThrownBy(() -> updates.stage(v, Samples.SUPERVISOR, UpdateProgress.none()))
                .hasMessage("This is not an appliance image; updates apply only on the appliance: nothing was staged");
        assertThat(stagedNames()).isEmpty();
    }

    @Test
    void stage_removesWhatAnEarlierStagingLeft() throws Exception {
        Files.createDirectories(staged());
        Files.writeString(staged().resolve("airlock-2026.10.01.1.root.squashfs"), "old");
        Path manifest = UpdateRelease.write(stick, NEXT, 4096);
        updates.stage(updates.verify(manifest, false, UpdateProgress.none()), Samples.SUPERVISOR,
                UpdateProgress.none());
        assertThat(stagedNames()).hasSize(3).noneMatch(n -> n.contains("2026.10.01.1"));
    }

    private void status(String text, Instant written) throws IOException {
        Path f = Files.createDirectories(appliance.dataDir().resolve("update")).resolve("status");
        Files.writeString(f, text);
        Files.setLastModifiedTime(f, FileTime.from(written));
    }

    @Test
    void status_followsTheHelpersFile_andAStatusFromBeforeThisBootMeansRestarted() throws IOException {
        assertThat(updates.status().phase()).isEqualTo(Phase.NONE);
        status("state=writing\nversion=" + NEXT + "\nslot=b\nmessage=Writing slot b\n", Instant.now());
        UpdateStatus w = updates.status();
        assertThat(w.phase()).isEqualTo(Phase.WRITING);
        assertThat(w.slot()).contains("b");
        assertThat(w.message()).isEqualTo("Writing slot b");
        status("state=ready\nversion=" + NEXT + "\nslot=b\nmessage=\n", Instant.now());
        assertThat(updates.status().phase()).isEqualTo(Phase.READY);
        status("state=ready\nversion=" + NEXT + "\nslot=b\n", Instant.parse("2000-01-01T00:00:00Z"));
        assertThat(updates.status().phase()).isEqualTo(Phase.RESTARTED);
        status("state=failed\nversion=" + NEXT + "\nmessage=openssl says the signature does not verify\n",
                Instant.now());
        assertThat(updates.status().message()).isEqualTo("openssl says the signature does not verify");
        status("state=exploded\n", Instant.now());
        assertThat(updates.status().phase()).isEqualTo(Phase.UNREADABLE);
        assertThat(updates.status().message()).contains("state=exploded");
        status("version=" + NEXT + "\n", Instant.now());
        assertThat(updates.status().message()).contains("has no state= line");
        status("message=" + "x".repeat(5000) + "\n", Instant.now());
        assertThat(updates.status().phase()).isEqualTo(Phase.UNREADABLE);
    }

    @Test
    void restart_whenReady_asksForTheRestartAndAudits_otherwiseRefuses() throws Exception {
        assertThatThrownBy(() -> updates.restart(Samples.SUPERVISOR))
                .extracting(e -> ((UpdateException) e).problem()).isEqualTo(Problem.NOT_READY);
        status("state=ready\nversion=" + NEXT + "\nslot=b\n", Instant.now());
        assertThat(updates.restart(Samples.SUPERVISOR)).isEqualTo(ImageVersion.parse(NEXT));
        assertThat(release.restarts).hasValue(1);
        AuditEntry row = appliance.audit().recent(1, "").get(0);
        assertThat(row.action()).isEqualTo("update.restart");
        assertThat(row.details()).contains("slot b", "running " + RUNNING);

        UpdateService failing = appliance.update(release.config().withRestarter(() -> {
            throw new IOException("Access denied");
        }));
        assertThatThrownBy(() -> failing.restart(Samples.SUPERVISOR)).hasMessageContaining("Access denied")
                .hasMessageContaining("switch the appliance off and on again; it starts version " + NEXT);
        release.running(null);
        assertThatThrownBy(() -> updates.restart(Samples.SUPERVISOR))
                .extracting(e -> ((UpdateException) e).problem()).isEqualTo(Problem.NOT_AN_APPLIANCE);
        assertThat(release.restarts).hasValue(1);
    }
}
