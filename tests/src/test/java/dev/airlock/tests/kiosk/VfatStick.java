package dev.airlock.tests.kiosk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A real USB stick stand-in: a vfat image (mkfs.vfat) mounted read-write with fusefat at a
 * folder under the kiosk's media root, as the automounter would. Close it to unmount.
 */
final class VfatStick implements AutoCloseable {
    final Path image;
    final Path mount;
    private boolean mounted;

    private VfatStick(Path image, Path mount) {
        this.image = image;
        this.mount = mount;
    }

    /** A fresh {@code megabytes} MB vfat stick labelled {@code label}, mounted at {@code mount}. */
    static VfatStick create(Path image, Path mount, String label, int megabytes) throws IOException, InterruptedException {
        Files.createDirectories(image.getParent());
        AirlockCli.exec("truncate", "truncate", "-s", megabytes + "M", image.toString());
        // 32 KiB clusters, as on real sticks: fusefat cannot grow a subfolder past its first cluster.
        AirlockCli.exec("mkfs.vfat (install dosfstools)", "mkfs.vfat", "-s", "64", "-n", label, image.toString());
        VfatStick s = new VfatStick(image, mount);
        s.plug();
        return s;
    }

    /** Mounts it (plugging the stick in). */
    void plug() throws IOException, InterruptedException {
        Files.createDirectories(mount);
        AirlockCli.exec("fusefat (install fusefat; needs /dev/fuse)", "fusefat", "-o", "rw+", image.toString(),
                mount.toString());
        mounted = true;
    }

    /** Unmounts it (pulling the stick); the mount folder is removed as the automounter would. */
    void unplug() throws IOException, InterruptedException {
        if (mounted) {
            AirlockCli.exec("sync", "sync");
            // The kiosk's stick watcher reads the stick every second: a busy unmount is tried again.
            for (int i = 0; i < 40 && isMounted(); i++) {
                try {
                    AirlockCli.exec("fusermount -u", "fusermount", "-u", mount.toString());
                } catch (IllegalStateException busy) {
                    Thread.sleep(250);
                }
            }
            if (isMounted()) {
                AirlockCli.exec("fusermount -u -z", "fusermount", "-u", "-z", mount.toString());
            }
            mounted = false;
        }
        for (int i = 0; i < 40; i++) {
            try {
                Files.deleteIfExists(mount);
                return;
            } catch (IOException busy) {
                Thread.sleep(250);
            }
        }
    }

    /** Whether the mount point is in the mount table (the kiosk's safe eject may have unmounted it). */
    boolean isMounted() throws IOException {
        String target = " " + mount.toAbsolutePath() + " ";
        for (String line : Files.readAllLines(Path.of("/proc/self/mountinfo"))) {
            if (line.contains(target)) {
                return true;
            }
        }
        return false;
    }

    /** Pulls it out and plugs it back in (flushes everything); with a kiosk running, use {@code Kiosk.replug}. */
    void replug() throws IOException, InterruptedException {
        unplug();
        plug();
    }

    @Override
    public void close() throws IOException, InterruptedException {
        unplug();
    }
}
