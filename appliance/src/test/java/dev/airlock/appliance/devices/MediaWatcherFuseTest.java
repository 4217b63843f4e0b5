package dev.airlock.appliance.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real stick: a vfat image mounted with fusefat under a root, found through /proc/self/mountinfo and ejected. */
class MediaWatcherFuseTest {
    @TempDir
    Path tmp;
    Path root;
    Path image;
    Path mount;
    final List<MediaEvent> events = new CopyOnWriteArrayList<>();

    @BeforeEach
    void mountImage() throws IOException {
        Tools.assumeInstalled("fusefat", "fusefat");
        Tools.assumeInstalled("mkfs.vfat", "dosfstools");
        Tools.assumeInstalled("fusermount", "fuse");
        root = Files.createDirectories(tmp.resolve("media"));
        image = tmp.resolve("stick.img");
        mount = Files.createDirectories(root.resolve("LABSTICK"));
        Tools.run("truncate", "-s", "32M", image.toString());
        // 32 KiB clusters as on real sticks: fusefat cannot grow a subfolder past its first cluster
        Tools.run("mkfs.vfat", "-s", "64", "-n", "LABSTICK", image.toString());
        Tools.run("fusefat", "-o", "rw+", image.toString(), mount.toString());
    }

    @AfterEach
    void unmountIfStillMounted() throws IOException {
        if (mount != null && MountTable.read(Path.of("/proc/self/mountinfo")).at(mount.toRealPath()).isPresent()) {
            Tools.run("fusermount", "-u", mount.toString());
        }
    }

    @Test
    void realMount_isFound_classified_andEjected() throws Exception {
        Files.createDirectories(root.resolve("FOLDER/AIRLOCK/inbound")); // a folder stand-in next to it
        MediaWatcher w = MediaWatcher.system(List.of(root));
        w.subscribe(events::add);
        w.pollNow();

        Stick stick = MediaWatcherTest.stick(w, "LABSTICK");
        assertTrue(stick.mountPoint());
        assertEquals(StickKind.EMPTY, stick.kind(), "fresh vfat (fusefat shows the volume label as a file)");
        assertTrue(stick.freeBytes() > 30_000_000L, "free: " + stick.freeBytes());
        assertFalse(MediaWatcherTest.stick(w, "FOLDER").mountPoint());
        assertEquals(StickKind.TRANSFER, MediaWatcherTest.stick(w, "FOLDER").kind());

        // the collector writes a record onto the real vfat stick
        Files.createDirectories(mount.resolve("AIRLOCK/collected"));
        Files.writeString(mount.resolve("AIRLOCK/collected/PC1_1234.xml"), "<record/>");
        w.pollNow();
        MediaEvent.Changed changed = assertInstanceOf(MediaEvent.Changed.class, events.get(events.size() - 1));
        assertEquals(StickKind.LAB, changed.stick().kind());
        assertEquals(1, changed.stick().collectedFiles());

        EjectResult r = w.eject(changed.stick());
        assertTrue(r.unmounted(), r.message());
        assertEquals("LABSTICK is unmounted (fusermount -u " + mount.toRealPath() + "): safe to remove", r.message());
        assertTrue(MountTable.read(Path.of("/proc/self/mountinfo")).at(mount.toRealPath()).isEmpty());
        MediaEvent.Removed removed = assertInstanceOf(MediaEvent.Removed.class, events.get(events.size() - 1));
        assertEquals(mount.toRealPath(), removed.stick().root());
        assertEquals(List.of(root.toRealPath().resolve("FOLDER")), w.sticks().stream().map(Stick::root).toList(),
                "the empty mount folder left behind is no stick");

        // the data reached the image: mount it again and read it
        Tools.run("fusefat", "-o", "rw+", image.toString(), mount.toString());
        w.pollNow();
        assertInstanceOf(MediaEvent.Inserted.class, events.get(events.size() - 1));
        assertEquals(1, MediaWatcherTest.stick(w, "LABSTICK").collectedFiles());
        w.close();
    }

    @Test
    void eject_busyMount_throwsAndKeepsItMounted() throws Exception {
        MediaWatcher w = new MediaWatcher(List.of(root), Path.of("/proc/self/mountinfo"), Duration.ofSeconds(1),
                Clock.systemUTC());
        w.pollNow();
        Stick stick = MediaWatcherTest.stick(w, "LABSTICK");
        Process holder = new ProcessBuilder("sleep", "30").directory(mount.toFile()).start(); // cwd on the stick
        try {
            IOException e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class, () -> w.eject(stick));
            assertTrue(e.getMessage().startsWith("could not unmount LABSTICK: fusermount -u"), e.getMessage());
            assertTrue(e.getMessage().contains("Do not pull it yet"), e.getMessage());
            assertEquals(1, w.sticks().size());
        } finally {
            holder.destroy();
            holder.waitFor();
        }
    }
}
