package dev.airlock.tests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A real USB stick stand-in: a vfat file system in an image file (mkfs.vfat), mounted
 * read-write with fusefat. Close it to unmount.
 */
final class StickImage implements AutoCloseable {
    final Path image;
    final Path mount;

    private StickImage(Path image, Path mount) {
        this.image = image;
        this.mount = mount;
    }

    /** A stick of {@code megabytes} (at least 32). */
    static StickImage create(Path dir, int megabytes) throws IOException, InterruptedException {
        Path image = dir.resolve("stick.img");
        Path mount = Files.createDirectories(dir.resolve("stick"));
        check(Cli.run(List.of("truncate", "-s", megabytes + "M", image.toString()), Map.of(), null), "truncate");
        // 32 KiB clusters, as on real sticks: fusefat cannot grow a subfolder past its first cluster.
        check(Cli.run(List.of("mkfs.vfat", "-s", "64", "-n", "LABSTICK", image.toString()), Map.of(), null),
                "mkfs.vfat (install dosfstools)");
        check(Cli.run(List.of("fusefat", "-o", "rw+", image.toString(), mount.toString()), Map.of(), null),
                "fusefat (install fusefat; needs /dev/fuse)");
        return new StickImage(image, mount);
    }

    /** Unmounts and mounts again, as pulling the stick and plugging it back in would. */
    void replug() throws IOException, InterruptedException {
        unmount();
        check(Cli.run(List.of("fusefat", "-o", "rw+", image.toString(), mount.toString()), Map.of(), null), "fusefat");
    }

    private void unmount() throws IOException, InterruptedException {
        Cli.run(List.of("sync"), Map.of(), null);
        check(Cli.run(List.of("fusermount", "-u", mount.toString()), Map.of(), null), "fusermount -u");
    }

    @Override
    public void close() throws IOException, InterruptedException {
        unmount();
    }

    private static void check(Cli.Run run, String what) {
        if (run.exit() != 0) {
            throw new IllegalStateException(what + " failed (exit " + run.exit() + "): " + run.all());
        }
    }
}
