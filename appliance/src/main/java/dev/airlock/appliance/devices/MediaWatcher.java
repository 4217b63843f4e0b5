package dev.airlock.appliance.devices;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches for USB sticks under a few roots (e.g. {@code /media/airlock}, {@code /run/media/airlock},
 * {@code /run/airlock/media}) by polling, and ejects them safely.
 *
 * <p>A stick is (a) a mount point at or below a root (from {@code mountinfo}), or (b) a plain
 * folder that is a direct child of a root, standing in for a stick in development and tests. A
 * child folder that holds mount points (e.g. {@code /media/airlock} under {@code /media}) is not a
 * stick, nor is a folder that was a mount point and has been unmounted (its empty directory often
 * stays behind). When a root is itself a mount point, it is the stick and its folders are not.
 *
 * <p>Listeners run on the thread that polls: the watcher's daemon thread {@code airlock-media},
 * or the caller of {@link #pollNow()} or {@link #eject(Stick)}. Keep them short; a UI hands the
 * event to its own thread (Vaadin: {@code UI.access}). A listener that throws is logged and
 * skipped. Events are delivered in order, one poll at a time. {@link MediaEvent.Changed} is raised
 * when the kind, a count or the label changes; free space alone raises none (it is fresh in
 * {@link #sticks()} after every poll and in every event).
 */
public final class MediaWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MediaWatcher.class);
    private static final Duration SYNC_LIMIT = Duration.ofMinutes(2);
    private static final Duration UNMOUNT_LIMIT = Duration.ofMinutes(1);

    private final List<Path> roots;
    private final Path mountInfo;
    private final Duration pollEvery;
    private final Clock clock;
    private final Listeners<MediaEvent> listeners = new Listeners<>("media");
    private final Object lock = new Object();
    // guarded by lock
    private Map<Path, Stick> current = new LinkedHashMap<>();
    private final Set<Path> formerMountPoints = new HashSet<>();
    private final Map<String, String> labels = new HashMap<>();
    private boolean mountInfoWarned;
    private Thread thread;
    // read without the lock
    private volatile List<Stick> snapshot = List.of();
    private volatile Instant lastPoll;
    private volatile boolean closed;

    /**
     * @param roots     where sticks appear; missing ones are fine (checked on every poll)
     * @param mountInfo the mount table, normally {@code /proc/self/mountinfo}
     * @param pollEvery time between polls of the daemon thread
     */
    public MediaWatcher(List<Path> roots, Path mountInfo, Duration pollEvery, Clock clock) {
        this.roots = roots.stream().map(p -> p.toAbsolutePath().normalize()).distinct().toList();
        this.mountInfo = Objects.requireNonNull(mountInfo, "mountInfo");
        if (pollEvery.isNegative() || pollEvery.isZero()) {
            throw new IllegalArgumentException("pollEvery must be positive, not " + pollEvery);
        }
        this.pollEvery = pollEvery;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Watches {@code roots} with the system's mount table, polling every second. */
    public static MediaWatcher system(List<Path> roots) {
        return new MediaWatcher(roots, Path.of("/proc/self/mountinfo"), Duration.ofSeconds(1), Clock.systemUTC());
    }

    /** Polls once now and then every {@code pollEvery} on a daemon thread. Calling it again does nothing. */
    public void start() {
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("this MediaWatcher is closed; create a new one");
            }
            if (thread != null) {
                return;
            }
            thread = Thread.ofPlatform().daemon().name("airlock-media").start(this::run);
        }
    }

    private void run() {
        while (!closed) {
            try {
                pollNow();
            } catch (RuntimeException e) {
                LOG.warn("polling for sticks failed; trying again in {}", pollEvery, e);
            }
            try {
                Thread.sleep(pollEvery);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** The sticks as of the last poll, in root order. */
    public List<Stick> sticks() {
        return snapshot;
    }

    /** When the last poll ran (null before the first). */
    public Instant lastPoll() {
        return lastPoll;
    }

    /** Subscribes to insert, remove and change events (see the class comment for the thread). */
    public Subscription subscribe(Consumer<MediaEvent> listener) {
        return listeners.add(listener);
    }

    /** Reads the mount table and the roots once and publishes what changed since the last poll. */
    public void pollNow() {
        synchronized (lock) {
            MountTable table = mountTable();
            Map<Path, Stick> found = new LinkedHashMap<>();
            for (Path root : roots) {
                scanRoot(root, table, found);
            }
            // Step: forget former mount points whose folder is gone (or mounted again)
            formerMountPoints.removeIf(p -> found.containsKey(p) || !Files.isDirectory(p));
            List<MediaEvent> events = new ArrayList<>();
            for (Map.Entry<Path, Stick> e : current.entrySet()) {
                if (!found.containsKey(e.getKey())) {
                    events.add(new MediaEvent.Removed(e.getValue()));
                    labels.keySet().removeIf(k -> k.startsWith(e.getKey() + "\n"));
                }
            }
            for (Stick s : found.values()) {
                if (s.mountPoint()) {
                    formerMountPoints.add(s.root());
                }
                Stick before = current.get(s.root());
                if (before == null) {
                    events.add(new MediaEvent.Inserted(s));
                } else if (!sameButFreeSpace(before, s)) {
                    events.add(new MediaEvent.Changed(s));
                }
            }
            current = found;
            snapshot = List.copyOf(found.values());
            lastPoll = clock.instant();
            events.forEach(MediaWatcher::logArrivalOrDeparture);
            events.forEach(listeners::publish);
        }
    }

    /** The journal notes every stick that came or went (a test waits for these lines, too). */
    private static void logArrivalOrDeparture(MediaEvent event) {
        if (event instanceof MediaEvent.Inserted in) {
            LOG.info("stick inserted at {}", in.stick().root());
        } else if (event instanceof MediaEvent.Removed out) {
            LOG.info("stick removed from {}", out.stick().root());
        }
    }

    /** Free space alone raises no event: a folder stand-in's disk changes all the time. */
    private static boolean sameButFreeSpace(Stick a, Stick b) {
        return a.equals(new Stick(b.root(), b.label(), b.kind(), b.mountPoint(), b.requestFiles(), b.responseFiles(),
                b.collectedFiles(), b.resultFiles(), a.freeBytes()));
    }

    private void scanRoot(Path root, MountTable table, Map<Path, Stick> found) {
        Path real;
        try {
            real = root.toRealPath();
        } catch (IOException e) {
            return; // not there (yet): fine
        }
        List<MountTable.Mount> mounts = table.atOrBelow(real);
        for (MountTable.Mount m : mounts) {
            if (!found.containsKey(m.mountPoint())) {
                found.put(m.mountPoint(), StickReader.read(m.mountPoint(), label(m), true));
            }
        }
        if (table.at(real).isPresent()) {
            return; // the root is the stick; its folders are not
        }
        try (DirectoryStream<Path> children = Files.newDirectoryStream(real, Files::isDirectory)) {
            for (Path child : children) {
                if (child.getFileName().toString().startsWith(".") || found.containsKey(child)
                        || formerMountPoints.contains(child) || holdsMount(child, mounts)) {
                    continue;
                }
                found.put(child, StickReader.read(child, child.getFileName().toString(), false));
            }
        } catch (IOException e) {
            LOG.debug("cannot list {}: {}", real, e.toString());
        }
    }

    private static boolean holdsMount(Path dir, List<MountTable.Mount> mounts) {
        for (MountTable.Mount m : mounts) {
            if (m.mountPoint().startsWith(dir)) {
                return true;
            }
        }
        return false;
    }

    private MountTable mountTable() {
        try {
            MountTable t = MountTable.read(mountInfo);
            mountInfoWarned = false;
            return t;
        } catch (IOException e) {
            if (!mountInfoWarned) {
                LOG.warn("cannot read the mount table {} ({}); only folders standing in for sticks are seen",
                        mountInfo, e.toString());
                mountInfoWarned = true;
            }
            return MountTable.parse("");
        }
    }

    /** The volume label from {@code /dev/disk/by-label} for a block device, else the folder's name; cached per mount. */
    private String label(MountTable.Mount m) {
        return labels.computeIfAbsent(m.mountPoint() + "\n" + m.source(), k -> Labels.of(m));
    }

    /**
     * Makes a stick safe to pull: flushes its file system, then unmounts it ({@code udisksctl
     * unmount -b DEV} when udisks is installed and the mount comes from a {@code /dev} block device,
     * {@code fusermount -u} for FUSE mounts, else {@code umount}) and checks the mount is gone. A
     * folder standing in for a stick is only flushed. Blocks until done (seconds on a slow stick):
     * call it off the UI thread. Publishes the resulting {@link MediaEvent.Removed}.
     *
     * @throws IOException the stick could not be unmounted (e.g. a file on it is still open); the
     *                     message says what to do. Nothing is lost: it stays mounted.
     */
    public EjectResult eject(Stick stick) throws IOException {
        synchronized (lock) {
            Path root = stick.root();
            String name = stick.label().isBlank() ? root.toString() : stick.label();
            if (!stick.mountPoint()) {
                Ejector.flush(root, SYNC_LIMIT);
                pollNow();
                return new EjectResult(false, name + " is a folder standing in for a stick, not a mount: nothing to"
                        + " unmount; its files are flushed to disk. Safe to remove");
            }
            Optional<MountTable.Mount> mount = MountTable.read(mountInfo).at(root);
            if (mount.isEmpty()) {
                pollNow();
                return new EjectResult(false, name + " is no longer mounted: safe to remove");
            }
            Ejector.flush(root, SYNC_LIMIT);
            String how = Ejector.unmount(mount.get(), name, UNMOUNT_LIMIT);
            if (MountTable.read(mountInfo).at(root).isPresent()) {
                throw new IOException(name + " is still mounted at " + root + " after " + how + " reported success."
                        + " Do not pull it yet: close anything using it and press Eject again");
            }
            formerMountPoints.add(root);
            pollNow();
            LOG.info("ejected {} at {} ({})", name, root, how);
            return new EjectResult(true, name + " is unmounted (" + how + "): safe to remove");
        }
    }

    /** Stops the poll thread (waits up to a second for it). Subscriptions simply stop receiving. */
    @Override
    public void close() {
        Thread t;
        synchronized (lock) {
            closed = true;
            t = thread;
        }
        if (t != null) {
            t.interrupt();
            try {
                t.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
