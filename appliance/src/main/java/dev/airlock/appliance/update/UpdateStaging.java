package dev.airlock.appliance.update;

import static dev.airlock.appliance.update.UpdateService.SIGNATURE_EXTENSION;

import dev.airlock.appliance.support.AtomicFiles;
import dev.airlock.appliance.update.UpdateCheck.Verified;
import dev.airlock.appliance.update.UpdateException.Problem;
import dev.airlock.appliance.update.UpdateProgress.Step;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Locale;

/** The staging folder {@code DATA/update/staged/}: room for an image, the checked copy with its manifest, emptying. */
final class UpdateStaging {
    private static final long SPARE_BYTES = 16L << 20;

    private UpdateStaging() {
    }

    /** What was copied into the staging folder: the image and the manifest (its signature beside it). */
    record Copied(Path image, Path manifest, String manifestName) {}

    /**
     * Copies the verified image into {@code staged} (hashed while read and hashed again from the
     * copy) and writes the manifest and its signature beside it.
     */
    static Copied copyIn(Verified update, Path staged, UpdateProgress progress) throws UpdateException {
        UpdateManifest m = update.manifest();
        Path image = staged.resolve(m.image());
        String read = ImageCopy.copy(update.image(), image, m.size(), progress);
        if (!read.equals(m.sha256())) {
            throw UpdateVerifier.digestMismatch(m.image());
        }
        String copy = ImageCopy.hash(image, m.size(), Step.CHECKING_COPY, progress, Problem.COPY_FAILED,
                "The copy in the data partition cannot be read back: nothing was staged");
        if (!copy.equals(m.sha256())) {
            throw new UpdateException(Problem.COPY_FAILED, "The copy in the data partition does not match the"
                    + " signed checksum (a failing disk?): nothing was staged. Try again");
        }
        String manifestName = UpdateManifest.fileName(m.version());
        Path manifest = staged.resolve(manifestName);
        try {
            AtomicFiles.write(manifest, update.manifestBytes());
            AtomicFiles.write(staged.resolve(manifestName + SIGNATURE_EXTENSION), update.signature());
        } catch (IOException e) {
            throw new UpdateException(Problem.COPY_FAILED, "Writing the update's manifest into the data"
                    + " partition failed (" + ImageCopy.reason(e) + "): nothing was staged", e);
        }
        return new Copied(image, manifest, manifestName);
    }

    /** Refuses when the data partition has no room for {@code size} bytes and a spare margin. */
    static void checkRoom(Path staged, long size) throws UpdateException {
        long free;
        try {
            free = Files.getFileStore(staged).getUsableSpace();
        } catch (IOException e) {
            throw new UpdateException(Problem.COPY_FAILED, "The data partition cannot be read (" + ImageCopy.reason(e)
                    + "): nothing was staged", e);
        }
        if (free < size + SPARE_BYTES) {
            throw new UpdateException(Problem.NO_ROOM, "The data partition has " + mib(free) + " free, the update"
                    + " needs " + mib(size + SPARE_BYTES) + ": it does not fit beside the record. Nothing was staged.");
        }
    }

    /** Empties the staging folder (creating it when missing); never follows a link out of it. */
    static void clear(Path staged) throws UpdateException {
        try {
            Files.createDirectories(staged);
            try (DirectoryStream<Path> s = Files.newDirectoryStream(staged)) {
                for (Path p : s) {
                    if (!Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        } catch (IOException e) {
            throw new UpdateException(Problem.COPY_FAILED, "The staging folder " + staged + " cannot be emptied ("
                    + ImageCopy.reason(e) + ")", e);
        }
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.0f MB", bytes / 1e6);
    }
}
