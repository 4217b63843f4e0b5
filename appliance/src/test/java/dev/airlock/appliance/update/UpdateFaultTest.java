package dev.airlock.appliance.update;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.airlock.appliance.Appliance;
import dev.airlock.appliance.testing.Samples;
import dev.airlock.appliance.testing.TmpfsMount;
import dev.airlock.appliance.testing.UpdateRelease;
import dev.airlock.appliance.update.UpdateCheck.Verified;
import dev.airlock.appliance.update.UpdateException.Problem;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Staging under real faults: a vfat stick (fusefat) whose driver dies in the middle of the copy,
 * as when the stick is pulled, and a data partition (tmpfs) too small for the image. Needs root,
 * /dev/fuse, fusefat, mtools and dosfstools, as CI has.
 */
class UpdateFaultTest {
    static final String NEXT = "2026.12.01.3";

    @TempDir
    Path tmp;

    @Test
    void stickPulledMidCopy_saysPutItBack_andLeavesNothingStaged() throws Exception {
        for (String tool : List.of("fusefat", "fusermount", "mkfs.vfat", "mcopy", "mmd")) {
            assumeTrue(onPath(tool), tool + " is not installed (apt-get install fusefat fuse dosfstools mtools)");
        }
        // the update on a real vfat image, put there with mtools
        Path files = UpdateRelease.write(tmp.resolve("files"), NEXT, 8 << 20).getParent();
        Path image = tmp.resolve("stick.img");
        run("truncate", "-s", "32M", image.toString());
        run("mkfs.vfat", "-s", "64", "-n", "UPDATE", image.toString());
        run("mmd", "-i", image.toString(), "::/AIRLOCK", "::/AIRLOCK/update");
        try (Stream<Path> s = Files.list(files)) {
            for (Path f : s.toList()) {
                run("mcopy", "-i", image.toString(), f.toString(), "::/AIRLOCK/update/");
            }
        }
        Path mount = Files.createDirectories(tmp.resolve("media/UPDATE"));
        Process fuse = new ProcessBuilder("fusefat", "-f", "-o", "ro", image.toString(), mount.toString())
                .redirectErrorStream(true).redirectOutput(tmp.resolve("fusefat.log").toFile()).start();
        try (Appliance appliance = Samples.initLab(tmp.resolve("data"))) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!Files.exists(mount.resolve("AIRLOCK/update"))) {
                assertThat(System.nanoTime()).as("fusefat mounted the stick").isLessThan(deadline);
                Thread.sleep(20);
            }
            UpdateRelease release = new UpdateRelease(tmp.resolve("image"), "2026.11.02.1");
            UpdateService updates = appliance.update(release.config());
            List<Path> found = updates.find(mount);
            assertThat(found).hasSize(1);
            Verified v = updates.verify(found.get(0), false, UpdateProgress.none());

            // the stick goes away after 1 MiB of the copy: its driver is killed, as when it is pulled out
            assertThatThrownBy(() -> updates.stage(v, Samples.SUPERVISOR, (step, done, total) -> {
                if (step == UpdateProgress.Step.COPYING && done >= 1 << 20 && fuse.isAlive()) {
                    fuse.destroyForcibly();
                    try {
                        fuse.waitFor(20, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            })).isInstanceOf(UpdateException.class)
                    .hasMessageStartingWith("The stick was removed while copying, or could not be read (")
                    .hasMessageEndingWith("): put it back and try again. Nothing was staged.")
                    .extracting(e -> ((UpdateException) e).problem()).isEqualTo(Problem.STICK_UNREADABLE);
            assertThat(fuse.isAlive()).isFalse();
            Path staged = appliance.dataDir().resolve("update/staged");
            try (Stream<Path> s = Files.list(staged)) {
                assertThat(s.toList()).as("nothing half-staged, no temp file").isEmpty();
            }
            assertThat(appliance.dataDir().resolve("update/request")).doesNotExist();
            assertThat(updates.status().phase()).isEqualTo(UpdateStatus.Phase.NONE);
            assertThat(appliance.audit().recent(5, "")).noneMatch(e -> e.action().equals("update.stage"));
        } finally {
            fuse.destroyForcibly();
            new ProcessBuilder("fusermount", "-u", "-z", mount.toString()).start().waitFor(20, TimeUnit.SECONDS);
        }
    }

    @Test
    void dataPartitionTooSmall_isRefusedBeforeCopying_andNothingIsStaged() throws Exception {
        Path small = Files.createDirectories(tmp.resolve("small"));
        try (TmpfsMount mnt = TmpfsMount.mount(small, "12m");
                Appliance appliance = Samples.initLab(mnt.dir().resolve("data"))) {
            UpdateRelease release = new UpdateRelease(tmp.resolve("image"), "2026.11.02.1");
            UpdateService updates = appliance.update(release.config());
            Path manifest = UpdateRelease.write(tmp.resolve("STICK"), NEXT, 4 << 20);
            Verified v = updates.verify(manifest, false, UpdateProgress.none());
            assertThatThrownBy(() -> updates.stage(v, Samples.SUPERVISOR, UpdateProgress.none()))
                    .hasMessageContaining("The data partition has").hasMessageContaining("it does not fit beside the"
                            + " record. Nothing was staged.")
                    .extracting(e -> ((UpdateException) e).problem()).isEqualTo(Problem.NO_ROOM);
            try (Stream<Path> s = Files.list(appliance.dataDir().resolve("update/staged"))) {
                assertThat(s.toList()).isEmpty();
            }
        }
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return Files.isExecutable(Path.of("/usr/sbin", tool));
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", command) + ": " + out).isZero();
    }
}
