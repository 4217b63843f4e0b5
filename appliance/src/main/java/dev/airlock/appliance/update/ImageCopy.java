package dev.airlock.appliance.update;

import dev.airlock.appliance.support.AtomicFiles;
import dev.airlock.appliance.update.UpdateException.Problem;
import dev.airlock.appliance.update.UpdateProgress.Step;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/** Streams an image (hundreds of MB) through SHA-256: hashing it in place, or copying it durably while hashing. */
final class ImageCopy {
    private static final int BUFFER = 1 << 20;
    private static final long REPORT_EVERY = 4L << 20;

    private ImageCopy() {}

    /**
     * The SHA-256 (hex) of {@code file}'s first {@code size} bytes; throws when it is longer or
     * shorter. {@code unreadable} words a read failure ("the stick could not be read...").
     */
    static String hash(Path file, long size, Step step, UpdateProgress progress, Problem onReadFailure,
            String unreadable) throws UpdateException {
        MessageDigest sha = sha256();
        byte[] buf = new byte[BUFFER];
        long done = 0;
        long reported = 0;
        progress.report(step, 0, size);
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buf)) > 0) {
                sha.update(buf, 0, n);
                done += n;
                if (done > size) {
                    break;
                }
                if (done - reported >= REPORT_EVERY) {
                    progress.report(step, done, size);
                    reported = done;
                }
            }
        } catch (IOException e) {
            throw new UpdateException(onReadFailure, unreadable + " (" + reason(e) + ")", e);
        }
        if (done != size) {
            throw new UpdateException(Problem.SIZE_MISMATCH, "The image " + file.getFileName() + " changed while it"
                    + " was read (" + (done > size ? "more than " + size : String.valueOf(done)) + " bytes instead of "
                    + size + "): copy it onto the stick again");
        }
        progress.report(step, size, size);
        return HexFormat.of().formatHex(sha.digest());
    }

    /**
     * Copies {@code size} bytes of {@code source} into {@code target} (temp file in the same folder,
     * fsync, rename, folder fsync) and returns the SHA-256 (hex) of the bytes read. On any failure
     * the temp file is gone and {@code target} was not created.
     */
    static String copy(Path source, Path target, long size, UpdateProgress progress) throws UpdateException {
        Path temp = target.resolveSibling("." + target.getFileName() + "." + Long.toHexString(
                ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE) + ".tmp");
        MessageDigest sha = sha256();
        boolean moved = false;
        try {
            InputStream in;
            try {
                in = Files.newInputStream(source);
            } catch (IOException e) {
                throw stickGone(e);
            }
            try (in; FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                byte[] buf = new byte[BUFFER];
                long done = 0;
                long reported = 0;
                progress.report(Step.COPYING, 0, size);
                while (true) {
                    int n;
                    try {
                        n = in.read(buf);
                    } catch (IOException e) {
                        throw stickGone(e);
                    }
                    if (n < 0) {
                        break;
                    }
                    done += n;
                    if (done > size) {
                        throw new UpdateException(Problem.SIZE_MISMATCH, "The image " + source.getFileName()
                                + " grew while it was copied (more than the signed " + size + " bytes): copy it onto"
                                + " the stick again. Nothing was staged.");
                    }
                    sha.update(buf, 0, n);
                    write(out, buf, n);
                    if (done - reported >= REPORT_EVERY) {
                        progress.report(Step.COPYING, done, size);
                        reported = done;
                    }
                }
                if (done != size) {
                    throw new UpdateException(Problem.SIZE_MISMATCH, "The image " + source.getFileName()
                            + " ended after " + done + " of its " + size + " bytes while it was copied: copy it onto"
                            + " the stick again. Nothing was staged.");
                }
                progress.report(Step.COPYING, size, size);
                try {
                    out.force(true);
                } catch (IOException e) {
                    throw writeFailed(e);
                }
            } catch (IOException e) {
                throw writeFailed(e);
            }
            try {
                try {
                    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
                }
                moved = true;
                AtomicFiles.syncDirectory(target.getParent());
            } catch (IOException e) {
                throw writeFailed(e);
            }
            return HexFormat.of().formatHex(sha.digest());
        } finally {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // the caller clears the staging folder on failure
            }
            if (!moved) {
                try {
                    Files.deleteIfExists(target);
                } catch (IOException ignored) {
                    // as above
                }
            }
        }
    }

    private static void write(FileChannel out, byte[] buf, int n) throws UpdateException {
        ByteBuffer b = ByteBuffer.wrap(buf, 0, n);
        try {
            while (b.hasRemaining()) {
                out.write(b);
            }
        } catch (IOException e) {
            throw writeFailed(e);
        }
    }

    private static UpdateException stickGone(IOException e) {
        return new UpdateException(Problem.STICK_UNREADABLE, "The stick was removed while copying, or could not be"
                + " read (" + reason(e) + "): put it back and try again. Nothing was staged.", e);
    }

    private static UpdateException writeFailed(IOException e) {
        String why = reason(e);
        if (why.contains("No space left")) {
            return new UpdateException(Problem.NO_ROOM, "The data partition filled up while the update was copied"
                    + " into it: nothing was staged. The update does not fit beside the record.", e);
        }
        return new UpdateException(Problem.COPY_FAILED, "Writing the update into the data partition failed (" + why
                + "): nothing was staged. Try again; if it fails again the appliance's disk may be failing.", e);
    }

    static String reason(IOException e) {
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage() == null ? "the system gave no reason" : e.getMessage();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
