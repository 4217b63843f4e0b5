package dev.airlock.appliance.support;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a file so that readers see either the old or the complete new content: temp file in
 * the same folder, fsync, rename, read back and compare. Removable sticks included.
 */
public final class AtomicFiles {
    private AtomicFiles() {}

    /** Writes {@code data} to {@code target} durably (fsync before and after the rename) and verifies it. */
    public static void write(Path target, byte[] data) throws IOException {
        write(target, data, true);
    }

    /**
     * Writes {@code data} to {@code target} through a temp file and a rename, then reads it back.
     *
     * @param durable fsync the file and its folder (off only for throw-away data such as demo files)
     */
    public static void write(Path target, byte[] data, boolean durable) throws IOException {
        replace(target, data, durable);
        byte[] back = readBack(target);
        if (!Arrays.equals(back, data)) {
            throw new IOException("wrote " + target + " but reading it back gave different content"
                    + " (failing medium?); the file cannot be trusted");
        }
    }

    /** The bytes of a file just written, read back; unreadable means the medium lost it. */
    public static byte[] readBack(Path target) throws IOException {
        try {
            return Files.readAllBytes(target);
        } catch (IOException e) {
            throw new IOException("wrote " + target + " but cannot read it back (" + (e.getMessage() == null
                    ? "no reason given" : e.getMessage()) + "); the medium lost it, so the file cannot be trusted", e);
        }
    }

    /**
     * Writes {@code data} to {@code target} through a temp file, fsync and a rename, without reading
     * it back: for a file another process takes away as soon as it appears (a request a system
     * service picks up and deletes).
     */
    public static void handOver(Path target, byte[] data) throws IOException {
        replace(target, data, true);
    }

    /**
     * The first half of {@link #write}: {@code data} in a fresh temp file beside {@code target}
     * ({@code .NAME.<hex>.tmp}, a name no reader takes), fsynced, not yet renamed. The caller reads
     * it back, records what it is, then {@link #moveInPlace}s it; on failure the temp file is gone.
     */
    public static Path writeTemp(Path target, byte[] data) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = tempBeside(target);
        try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer buf = ByteBuffer.wrap(data);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(true);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        return temp;
    }

    /** The second half of {@link #write}: renames {@code temp} over {@code target} (atomically where it can) and syncs the folder. */
    public static void moveInPlace(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        syncDirectory(target.toAbsolutePath().getParent());
    }

    /** Whether {@code name} is one of this class's temp names for a file named {@code prefix…}. */
    public static boolean isTempName(String name, String prefix) {
        return name.startsWith("." + prefix) && name.endsWith(".tmp");
    }

    /** The final name a temp file of this class stands for ({@code .NAME.<hex>.tmp} gives {@code NAME}). */
    public static String finalName(String tempName) {
        String inner = tempName.substring(1, tempName.length() - ".tmp".length());
        int dot = inner.lastIndexOf('.');
        return dot < 0 ? inner : inner.substring(0, dot);
    }

    private static Path tempBeside(Path target) {
        return target.toAbsolutePath().getParent().resolve("." + target.getFileName() + "." + Long.toHexString(
                ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE) + ".tmp");
    }

    /** Temp file beside {@code target}, written (and fsynced when durable), renamed over it, folder synced. */
    private static void replace(Path target, byte[] data, boolean durable) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = tempBeside(target);
        try {
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer buf = ByteBuffer.wrap(data);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                if (durable) {
                    ch.force(true);
                }
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            if (durable) {
                syncDirectory(dir);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Fsyncs a folder so a rename in it survives a power cut; a no-op where the file system cannot. */
    public static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Some file systems (vfat through FUSE) cannot fsync a folder; the file itself was synced.
        }
    }
}
