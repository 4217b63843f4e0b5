package dev.airlock.formats.outside;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reads files from outside (a stick, a stand-in folder, a path a person typed) only when they
 * are regular files: a symbolic link, a named pipe (FIFO), a socket or a device is refused by its
 * attributes, read without following links, before anything opens it. The open itself runs with a
 * time bound, so a file swapped for a pipe between the check and the open cannot hang the caller.
 */
public final class OutsideFiles {
    /** How long an open may take before the path is given up as "not a regular file". */
    static final long OPEN_SECONDS = 10;

    private static final ExecutorService OPENER = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "outside-file-open");
        t.setDaemon(true);
        return t;
    });

    private OutsideFiles() {}

    /**
     * Why {@code path} is not a regular file, in words that follow its name ("is a named pipe
     * (FIFO), not a file: skipped"); empty for a regular file. Links are not followed.
     *
     * @throws NoSuchFileException when nothing is there
     */
    public static Optional<String> notRegular(Path path) throws IOException {
        BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        return a.isOther() ? Optional.of(special(path)) : notRegular(a);
    }

    /** Which special file {@code path} is, from its Unix mode when the file system tells it. */
    private static String special(Path path) {
        int type;
        try {
            type = ((Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS)) & 0xF000;
        } catch (IOException | RuntimeException e) {
            type = 0;
        }
        String what = switch (type) {
            case 0x1000 -> "a named pipe (FIFO)";
            case 0xC000 -> "a socket";
            case 0x2000 -> "a character device";
            case 0x6000 -> "a block device";
            default -> "a special file (a named pipe, socket or device)";
        };
        return "is " + what + ", not a file: not read";
    }

    /** As {@link #notRegular(Path)}, from attributes read without following links. */
    public static Optional<String> notRegular(BasicFileAttributes a) {
        if (a.isRegularFile()) {
            return Optional.empty();
        }
        if (a.isSymbolicLink()) {
            return Optional.of("is a symbolic link: links are not followed; copy the file itself");
        }
        if (a.isDirectory()) {
            return Optional.of("is a folder, not a file");
        }
        return Optional.of("is a special file (a named pipe, socket or device), not a file: not read");
    }

    /** Refuses anything but a regular file, naming it and why (see {@link #notRegular(Path)}). */
    public static BasicFileAttributes requireRegular(Path path) throws IOException {
        BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        Optional<String> why = a.isOther() ? Optional.of(special(path)) : notRegular(a);
        if (why.isPresent()) {
            throw new NotAFileException(path.toString(), why.get());
        }
        return a;
    }

    /**
     * The bytes of the regular file {@code path}, at most {@code maxBytes + 1} of them (a caller
     * that gets more than {@code maxBytes} knows the file is too large; its size is checked first).
     *
     * @throws NotAFileException when it is not a regular file, or does not open in time
     * @throws TooLargeException when its size is over {@code maxBytes}
     */
    public static byte[] readLimited(Path path, long maxBytes) throws IOException {
        BasicFileAttributes a = requireRegular(path);
        if (a.size() > maxBytes) {
            throw new TooLargeException(path.toString(), a.size(), maxBytes);
        }
        try (InputStream in = open(path)) {
            return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        }
    }

    /**
     * Opens the regular file {@code path} for reading without following a link, with a time bound;
     * the caller closes the stream.
     */
    public static InputStream open(Path path) throws IOException {
        Object before = requireRegular(path).fileKey();
        Future<SeekableByteChannel> opening = OPENER.submit(
                () -> Files.newByteChannel(path, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS));
        SeekableByteChannel channel;
        try {
            channel = opening.get(OPEN_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            opening.cancel(true);
            throw new NotAFileException(path.toString(), "did not open within " + OPEN_SECONDS
                    + " s: it is not a regular file (a named pipe?); not read");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException(path + ": cannot open", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while opening " + path);
        }
        // the same file that was checked: not swapped for another one in between
        BasicFileAttributes after = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (!after.isRegularFile() || before != null && !Objects.equals(before, after.fileKey())) {
            channel.close();
            throw new NotAFileException(path.toString(), "changed while it was opened; not read");
        }
        return Channels.newInputStream(channel);
    }
}
