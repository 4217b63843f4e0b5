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
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Classification and events with a fake mount table over plain temp folders. */
class MediaWatcherTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path tmp;
    Path media;
    Path run;
    Path mountInfo;
    final List<MediaEvent> events = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() throws IOException {
        media = Files.createDirectories(tmp.resolve("media"));
        run = Files.createDirectories(tmp.resolve("run"));
        mountInfo = tmp.resolve("mountinfo");
        mounts();
    }

    MediaWatcher watcher() {
        MediaWatcher w = new MediaWatcher(List.of(media, run, tmp.resolve("missing")), mountInfo,
                Duration.ofSeconds(1), CLOCK);
        w.subscribe(events::add);
        return w;
    }

    /** Writes the fake mount table: each path a vfat mount of /dev/sdX1. */
    void mounts(Path... points) throws IOException {
        StringBuilder sb = new StringBuilder("27 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw\n");
        int id = 90;
        for (Path p : points) {
            sb.append(id).append(" 27 8:17 / ").append(p.toString().replace(" ", "\\040"))
                    .append(" rw,nosuid - vfat /dev/sd").append((char) ('b' + id - 90)).append("1 rw\n");
            id++;
        }
        Files.writeString(mountInfo, sb.toString());
    }

    static Path file(Path dir, String name) throws IOException {
        Files.createDirectories(dir);
        return Files.writeString(dir.resolve(name), "x");
    }

    Stick only(MediaWatcher w) {
        assertEquals(1, w.sticks().size(), () -> "sticks: " + w.sticks());
        return w.sticks().get(0);
    }

    @Test
    void poll_classifiesByAirlockFolders() throws IOException {
        Path lab = Files.createDirectories(run.resolve("LAB/AIRLOCK/collected"));
        file(lab, "PC1_1234.xml");
        file(lab, "PC2_1234.xml.tmp"); // the collector's temp name
        file(run.resolve("LAB/AIRLOCK/results"), "PC1_1234_20260301.xml");
        Path transfer = run.resolve("TRANSFER");
        file(transfer.resolve("AIRLOCK/outbound"), "airlock-request-0123abcd-20260301.xml");
        file(transfer.resolve("AIRLOCK/outbound"), ".airlock-request-0123abcd-20260301.xml.5f3a.tmp"); // AtomicFiles
        file(transfer.resolve("AIRLOCK/inbound"), "airlock-response-0123abcd-20260301.xml");
        file(transfer.resolve("AIRLOCK/inbound"), "airlock-response-99999999-20260301.XML");
        file(run.resolve("EMPTY"), "holiday.jpg");
        Files.createDirectories(run.resolve("ODD/AIRLOCK/whatever"));
        file(run.resolve("OLDLAB"), "Collect.cmd");
        Files.createDirectories(run.resolve("BOTH/AIRLOCK/outbound"));
        Files.createDirectories(run.resolve("BOTH/AIRLOCK/kit"));

        MediaWatcher w = watcher();
        w.pollNow();

        Stick labStick = stick(w, "LAB");
        // free space is the disk's, shared with everything else running: present, but not compared exactly
        assertTrue(labStick.freeBytes() > 0, () -> "free bytes " + labStick.freeBytes());
        assertEquals(new Stick(run.resolve("LAB"), "LAB", StickKind.LAB, false, 0, 0, 1, 1, labStick.freeBytes()),
                labStick);
        Stick t = stick(w, "TRANSFER");
        assertEquals(StickKind.TRANSFER, t.kind());
        assertEquals(1, t.requestFiles());
        assertEquals(2, t.responseFiles());
        assertEquals(StickKind.EMPTY, stick(w, "EMPTY").kind());
        assertEquals(StickKind.UNKNOWN, stick(w, "ODD").kind());
        assertEquals(StickKind.LAB, stick(w, "OLDLAB").kind());
        assertEquals(StickKind.LAB, stick(w, "BOTH").kind(), "lab folders win: such a stick must not leave the lab");
        assertEquals(6, w.sticks().size());
        assertEquals(6, events.size());
        assertTrue(events.stream().allMatch(e -> e instanceof MediaEvent.Inserted));
        assertEquals(CLOCK.instant(), w.lastPoll());
    }

    static Stick stick(MediaWatcher w, String name) {
        return w.sticks().stream().filter(s -> s.root().getFileName().toString().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no stick " + name + " in " + w.sticks()));
    }

    @Test
    void poll_publishesInsertedChangedRemoved_once() throws IOException {
        MediaWatcher w = watcher();
        w.pollNow();
        assertTrue(events.isEmpty());

        Path stick = Files.createDirectories(run.resolve("STICK1"));
        w.pollNow();
        w.pollNow();
        assertEquals(1, events.size());
        assertInstanceOf(MediaEvent.Inserted.class, events.get(0));
        assertEquals(StickKind.EMPTY, events.get(0).stick().kind());

        file(stick.resolve("AIRLOCK/outbound"), "airlock-request-0123abcd-20260301.xml");
        w.pollNow();
        w.pollNow();
        assertEquals(2, events.size());
        MediaEvent.Changed changed = assertInstanceOf(MediaEvent.Changed.class, events.get(1));
        assertEquals(StickKind.TRANSFER, changed.stick().kind());
        assertEquals(1, changed.stick().requestFiles());
        // free space alone raises no event, but the watcher keeps what it saw last (the disk is shared)
        Stick lastSeen = w.sticks().get(0);

        Files.delete(stick.resolve("AIRLOCK/outbound/airlock-request-0123abcd-20260301.xml"));
        Files.delete(stick.resolve("AIRLOCK/outbound"));
        Files.delete(stick.resolve("AIRLOCK"));
        Files.delete(stick);
        w.pollNow();
        assertEquals(3, events.size());
        MediaEvent.Removed removed = assertInstanceOf(MediaEvent.Removed.class, events.get(2));
        assertEquals(lastSeen, removed.stick(), "Removed carries the stick as last seen");
        assertTrue(w.sticks().isEmpty());
    }

    @Test
    void poll_mountPoints_atOrBelowARoot_andTheirParentsAreNoSticks() throws IOException {
        Path udisks = Files.createDirectories(media.resolve("airlock/LAB STICK")); // /media/<user>/<label>
        Path direct = Files.createDirectories(run.resolve("sdc1"));
        Files.createDirectories(tmp.resolve("elsewhere"));
        mounts(udisks, direct, tmp.resolve("elsewhere"));
        file(udisks.resolve("AIRLOCK/collected"), "PC1.xml");

        MediaWatcher w = watcher();
        w.pollNow();

        assertEquals(List.of(udisks, direct), w.sticks().stream().map(Stick::root).toList(),
                "media/airlock holds a mount: it is not a folder stand-in; elsewhere is under no root");
        Stick lab = w.sticks().get(0);
        assertTrue(lab.mountPoint());
        assertEquals("LAB STICK", lab.label());
        assertEquals(StickKind.LAB, lab.kind());
        assertEquals(1, lab.collectedFiles());
    }

    @Test
    void poll_unmountedFolderLeftBehind_isNotAStandIn() throws IOException {
        Path point = Files.createDirectories(run.resolve("sdb1"));
        mounts(point);
        MediaWatcher w = watcher();
        w.pollNow();
        assertTrue(only(w).mountPoint());

        mounts(); // pulled: the empty mount folder stays
        w.pollNow();
        assertTrue(w.sticks().isEmpty(), () -> "sticks: " + w.sticks());
        assertInstanceOf(MediaEvent.Removed.class, events.get(events.size() - 1));

        mounts(point); // plugged back in
        w.pollNow();
        assertTrue(only(w).mountPoint());
    }

    @Test
    void poll_rootThatIsAMount_isTheStick_andHiddenFoldersAreSkipped() throws IOException {
        Files.createDirectories(media.resolve("AIRLOCK/inbound"));
        Files.createDirectories(run.resolve(".Trash-0"));
        mounts(media);
        MediaWatcher w = watcher();
        w.pollNow();
        Stick s = only(w);
        assertEquals(media, s.root());
        assertEquals(StickKind.TRANSFER, s.kind());
    }

    @Test
    void publish_failingListener_doesNotStopOthersOrThePoll() throws IOException {
        MediaWatcher w = watcher();
        List<MediaEvent> second = new ArrayList<>();
        w.subscribe(e -> {
            throw new IllegalStateException("listener bug");
        });
        w.subscribe(second::add);
        Files.createDirectories(run.resolve("STICK1"));
        w.pollNow();
        assertEquals(1, second.size());
        Files.createDirectories(run.resolve("STICK2"));
        w.pollNow();
        assertEquals(2, second.size());
    }

    @Test
    void subscription_close_stopsEvents() throws IOException {
        MediaWatcher w = watcher();
        List<MediaEvent> mine = new ArrayList<>();
        Subscription s = w.subscribe(mine::add);
        s.close();
        s.close();
        Files.createDirectories(run.resolve("STICK1"));
        w.pollNow();
        assertTrue(mine.isEmpty());
        assertEquals(1, events.size());
    }

    @Test
    void start_pollsOnItsThread_andCloseStopsIt() throws Exception {
        MediaWatcher w = new MediaWatcher(List.of(run), mountInfo, Duration.ofMillis(20), CLOCK);
        List<String> threads = new CopyOnWriteArrayList<>();
        java.util.concurrent.CountDownLatch seen = new java.util.concurrent.CountDownLatch(1);
        w.subscribe(e -> {
            threads.add(Thread.currentThread().getName());
            seen.countDown();
        });
        w.start();
        Files.createDirectories(run.resolve("STICK1"));
        seen.await(5, java.util.concurrent.TimeUnit.SECONDS);
        w.close();
        assertEquals(List.of("airlock-media"), threads);
    }

    @Test
    void eject_folderStandIn_flushesAndSaysSafe() throws IOException {
        file(run.resolve("STICK1/AIRLOCK/outbound"), "airlock-request-0123abcd-20260301.xml");
        MediaWatcher w = watcher();
        w.pollNow();
        EjectResult r = w.eject(only(w));
        assertFalse(r.unmounted());
        assertTrue(r.message().contains("STICK1") && r.message().contains("Safe to remove"), r.message());
        assertEquals(1, w.sticks().size(), "a folder stays a stick until it is removed");
    }

    @Test
    void eject_mountGoneAlready_saysSafe() throws IOException {
        Path point = Files.createDirectories(run.resolve("sdb1"));
        mounts(point);
        MediaWatcher w = watcher();
        w.pollNow();
        Stick s = only(w);
        mounts();
        EjectResult r = w.eject(s);
        assertFalse(r.unmounted());
        assertEquals("sdb1 is no longer mounted: safe to remove", r.message());
        assertTrue(w.sticks().isEmpty());
    }

    /** 3 roots (one missing), 4 sticks (2 mounts, 2 folders), each with AIRLOCK folders; its cost is CostBench's. */
    @Test
    void pollNow_repeated_seesTheSameSticksAndRaisesNoEvents() throws IOException {
        Path a = Files.createDirectories(media.resolve("airlock/A"));
        Path b = Files.createDirectories(run.resolve("B"));
        mounts(a, b);
        for (Path s : List.of(a, b, run.resolve("C"), run.resolve("D"))) {
            for (int i = 0; i < 20; i++) {
                file(s.resolve("AIRLOCK/outbound"), "airlock-request-" + i + ".xml");
                file(s.resolve("AIRLOCK/inbound"), "airlock-response-" + i + ".xml");
            }
        }
        MediaWatcher w = watcher();
        w.pollNow();
        int afterFirst = events.size();
        for (int i = 0; i < 200; i++) {
            w.pollNow();
        }
        assertEquals(4, w.sticks().size());
        assertEquals(4, afterFirst, () -> "events: " + events);
        assertEquals(afterFirst, events.size(), () -> "events: " + events);
    }
}
