package dev.airlock.appliance.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One data dir, one writer: an OS file lock on {@code DATA/airlock.lock}, held by the kiosk and by
 * every command that writes for as long as it runs. The file also says who holds it (pid, since
 * when, what), so a second writer can name the first. The OS drops the lock when its process dies,
 * even by {@code kill -9}, so a file left behind never blocks the next start.
 *
 * <p>The file is never deleted (deleting a lock file lets two processes lock two different files
 * of the same name); on release its content is cleared. Readers (status, list, show, ...) take no
 * lock: SQLite in WAL mode lets them read while the writer works.
 */
public final class DataDirLock implements AutoCloseable {
    /** The lock file's name in the data dir. */
    public static final String FILE_NAME = "airlock.lock";
    private static final int MAX_CONTENT = 4096;
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    /**
     * The locks this JVM holds, by lock file. A POSIX lock belongs to the process, and closing any
     * channel on the file would drop it, so this process never opens the file a second time while
     * it holds it (acquire and close are synchronized on the class).
     */
    private static final Map<Path, DataDirLock> HELD = new HashMap<>();

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;
    private final Holder holder;

    /** Who holds a data dir: process id, since when, and what (kiosk, or the command's name). */
    public record Holder(long pid, Instant since, String what) {
        String encode() {
            return "pid=" + pid + "\nsince=" + since + "\nholder=" + what.replace('\n', ' ') + "\n";
        }

        /** The holder the file names (Java properties, as {@link #encode} writes them), or empty when it is unreadable. */
        static Optional<Holder> decode(String text) {
            java.util.Properties p = new java.util.Properties();
            try {
                p.load(new java.io.StringReader(text));
                String what = p.getProperty("holder");
                return what == null ? Optional.empty() : Optional.of(new Holder(Long.parseLong(p.getProperty("pid", "")),
                        Instant.parse(p.getProperty("since", "")), what));
            } catch (IOException | IllegalArgumentException | DateTimeParseException e) {
                return Optional.empty();
            }
        }

        /** "pid 1234, since 2026-12-01 11:02:13, kiosk" (local time). */
        public String describe() {
            return "pid " + pid + ", since " + SHOWN.format(since.atZone(ZoneId.systemDefault())) + ", " + what;
        }
    }

    private DataDirLock(Path file, FileChannel channel, FileLock lock, Holder holder) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
        this.holder = holder;
    }

    /**
     * Takes the data dir for this process ({@code what}: "kiosk", or the command's name), creating
     * the dir when it is missing.
     *
     * @throws DataDirInUseException when another Airlock holds it
     * @throws UncheckedIOException  when the lock file cannot be made (e.g. a read-only data dir)
     */
    public static synchronized DataDirLock acquire(Path dataDir, String what, Clock clock) {
        Path dir = dataDir.toAbsolutePath().normalize();
        Path file = dir.resolve(FILE_NAME);
        DataDirLock mine = HELD.get(file);
        if (mine != null) {
            throw inUse(dir, Optional.of(mine.holder));
        }
        FileChannel channel = null;
        try {
            Files.createDirectories(dir);
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // held through a channel this class did not open
            }
            if (lock == null) {
                Optional<Holder> other = read(channel);
                channel.close();
                throw inUse(dir, other);
            }
            Holder holder = new Holder(ProcessHandle.current().pid(), clock.instant(), what);
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(holder.encode().getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(false);
            DataDirLock taken = new DataDirLock(file, channel, lock, holder);
            HELD.put(file, taken);
            return taken;
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("cannot make the lock file " + file + " (" + e.getMessage()
                    + "); is the data dir read-only?", e);
        }
    }

    /** Who holds it: this process. */
    public Holder holder() {
        return holder;
    }

    /** Clears the file's content and lets the data dir go. */
    @Override
    public void close() {
        synchronized (DataDirLock.class) {
            if (!HELD.remove(file, this)) {
                return;
            }
            release();
        }
    }

    private void release() {
        try {
            channel.truncate(0);
        } catch (IOException e) {
            // the content is only a hint; the released lock is what counts
        }
        try {
            lock.release();
        } catch (IOException e) {
            // closing the channel below releases it too
        }
        closeQuietly(channel);
    }

    private static Optional<Holder> read(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(MAX_CONTENT);
        channel.read(buffer, 0);
        buffer.flip();
        return Holder.decode(StandardCharsets.UTF_8.decode(buffer).toString());
    }

    private static DataDirInUseException inUse(Path dir, Optional<Holder> holder) {
        String who = holder.map(h -> " (" + h.describe() + ")").orElse(" (it is just starting)");
        return new DataDirInUseException(dir, holder, "The data dir " + dir + " is in use by another Airlock" + who
                + ". Stop it first, or use another --data.");
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing more to do
            }
        }
    }
}
