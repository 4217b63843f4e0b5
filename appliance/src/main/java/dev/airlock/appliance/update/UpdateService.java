package dev.airlock.appliance.update;

import dev.airlock.appliance.audit.Actor;
import dev.airlock.appliance.audit.AuditService;
import dev.airlock.appliance.devices.StickLayout;
import dev.airlock.appliance.store.Store;
import dev.airlock.appliance.support.AtomicFiles;
import dev.airlock.appliance.update.UpdateCheck.Verified;
import dev.airlock.appliance.update.UpdateException.Problem;
import dev.airlock.appliance.update.UpdateProgress.Step;
import dev.airlock.appliance.update.UpdateStatus.Phase;
import dev.airlock.formats.signature.BadSignatureException;
import dev.airlock.formats.signature.PublicKey;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Updates from a stick: finds them ({@code AIRLOCK/update}), verifies one against the pinned
 * release key, stages it into {@code DATA/update/} for the system's update helper, reads the
 * helper's status, and restarts into the new version.
 */
public final class UpdateService {
    /** Where updates are on a stick. */
    /** A manifest's extension; its signature is the same name plus {@value #SIGNATURE_EXTENSION}. */
    public static final String MANIFEST_EXTENSION = ".update";
    public static final String SIGNATURE_EXTENSION = ".sig";
    /** The data dir's folder for updates; the helper's files are {@code request} and {@code status} in it. */
    public static final String DATA_FOLDER = "update";
    static final String NOT_AN_IMAGE = "This is not an appliance image; updates apply only on the appliance";
    private static final int MAX_STATUS_BYTES = 4096;
    private static final int MAX_OS_RELEASE_BYTES = 64 * 1024;
    private static final int MAX_KEY_BYTES = 4096;
    private static final long SPARE_BYTES = 16L << 20;
    private static final Pattern REQUEST_NAME = Pattern.compile("airlock-([0-9.]{1,80})\\.update");
    /** One staging at a time in this process (the data dir lock keeps other processes out). */
    private static final ReentrantLock STAGING = new ReentrantLock();

    private final Store store;
    private final AuditService audit;
    private final UpdateConfig config;

    public UpdateService(Store store, AuditService audit, UpdateConfig config) {
        this.store = store;
        this.audit = audit;
        this.config = config;
    }

    /** The running version from os-release's {@code IMAGE_VERSION=}, or why this is no appliance image. */
    public RunningImage running() {
        Optional<Map<String, String>> osRelease;
        try {
            osRelease = KeyValues.read(config.osRelease(), MAX_OS_RELEASE_BYTES);
        } catch (IOException e) {
            return new RunningImage.NotAnImage(NOT_AN_IMAGE + " (" + config.osRelease() + " cannot be read: "
                    + ImageCopy.reason(e) + ")");
        }
        String v = osRelease.map(m -> m.get("IMAGE_VERSION")).orElse(null);
        if (v == null || v.isBlank()) {
            return new RunningImage.NotAnImage(NOT_AN_IMAGE);
        }
        try {
            return new RunningImage.Version(ImageVersion.parse(v));
        } catch (IllegalArgumentException e) {
            return new RunningImage.NotAnImage(NOT_AN_IMAGE + " (" + config.osRelease() + " says IMAGE_VERSION="
                    + v + ", which is not a version)");
        }
    }

    /** The manifests in the stick's {@code AIRLOCK/update}, by name; none when the folder is missing. */
    public List<Path> find(Path stickRoot) {
        Path dir = StickLayout.Folder.UPDATE.on(stickRoot);
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, "*" + MANIFEST_EXTENSION)) {
            for (Path p : s) {
                if (!p.getFileName().toString().startsWith(".") && KeyValues.isPlainFile(p)) {
                    out.add(p);
                }
            }
        } catch (IOException e) {
            return out; // an unreadable stick offers nothing
        }
        out.sort(null);
        return out;
    }

    /** Checks every update on the stick; see {@link #check(Path, boolean, UpdateProgress)}. */
    public List<UpdateCheck> checkStick(Path stickRoot, boolean reinstall, UpdateProgress progress) {
        return find(stickRoot).stream().map(m -> check(m, reinstall, progress)).toList();
    }

    /** {@link #verify}, with a refusal as a value instead of an exception. */
    public UpdateCheck check(Path manifestFile, boolean reinstall, UpdateProgress progress) {
        try {
            return verify(manifestFile, reinstall, progress);
        } catch (UpdateException e) {
            return new UpdateCheck.Refused(manifestFile, e.problem(), e.getMessage());
        }
    }

    /**
     * Verifies an update: the manifest's signature against the release key, the manifest itself,
     * the version (newer than the running one unless {@code reinstall}: a supervisor's explicit
     * choice to install the same or an older version), the image's size and its SHA-256.
     */
    public Verified verify(Path manifestFile, boolean reinstall, UpdateProgress progress) throws UpdateException {
        String name = manifestFile.getFileName().toString();
        byte[] manifestBytes = readSmall(manifestFile, UpdateManifest.MAX_BYTES, "The update " + name,
                Problem.MALFORMED);
        Path sigFile = manifestFile.resolveSibling(name + SIGNATURE_EXTENSION);
        if (!KeyValues.isPlainFile(sigFile)) {
            throw new UpdateException(Problem.BAD_SIGNATURE, "The update " + name + " has no signature file ("
                    + sigFile.getFileName() + ") beside it: copy both files of the release onto the stick");
        }
        byte[] signature = readSmall(sigFile, 64, "The signature " + sigFile.getFileName(), Problem.BAD_SIGNATURE);
        PublicKey key = releaseKey();
        if (signature.length != 64) {
            throw new UpdateException(Problem.BAD_SIGNATURE, "The update's signature file " + sigFile.getFileName()
                    + " is damaged (" + signature.length + " bytes; a signature has 64): do not use this file");
        }
        try {
            key.verifier().verify(signature, manifestBytes);
        } catch (BadSignatureException e) {
            throw new UpdateException(Problem.BAD_SIGNATURE, "The update's signature does not match the release key"
                    + " built into this appliance: do not use this file (" + name + ")");
        }
        UpdateManifest manifest;
        try {
            manifest = UpdateManifest.parse(manifestBytes);
        } catch (UpdateException e) {
            throw new UpdateException(Problem.MALFORMED, "The update " + name + " is signed, but its manifest is not"
                    + " valid: " + e.getMessage() + ". Do not use it; ask for a corrected release");
        }
        Optional<ImageVersion> running = running() instanceof RunningImage.Version v ? Optional.of(v.version())
                : Optional.empty();
        if (running.isPresent() && !manifest.version().isNewerThan(running.get()) && !reinstall) {
            throw notNewer(manifest.version(), running.get());
        }
        Path image = manifestFile.resolveSibling(manifest.image());
        if (!KeyValues.isPlainFile(image)) {
            throw new UpdateException(Problem.IMAGE_MISSING, "The image " + manifest.image() + " that update "
                    + manifest.version() + " names is not beside it in " + StickLayout.Folder.UPDATE.shown() + " on the stick: copy it"
                    + " there too");
        }
        long size;
        try {
            size = Files.size(image);
        } catch (IOException e) {
            throw new UpdateException(Problem.STICK_UNREADABLE, "The stick could not be read (" + ImageCopy.reason(e)
                    + "): put it back and try again", e);
        }
        if (size != manifest.size()) {
            throw new UpdateException(Problem.SIZE_MISMATCH, "The image " + manifest.image() + " has " + size
                    + " bytes, but the signed manifest says " + manifest.size() + ": it is incomplete or was changed."
                    + " Copy it onto the stick again");
        }
        String digest = ImageCopy.hash(image, size, Step.CHECKING, progress, Problem.STICK_UNREADABLE,
                "The stick could not be read while the image was checked: put it back and try again");
        if (!digest.equals(manifest.sha256())) {
            throw digestMismatch(manifest.image());
        }
        return new Verified(manifestFile, manifest, manifestBytes, signature, running);
    }

    /**
     * Stages a verified update: copies the image into {@code DATA/update/staged/} (temp name, fsync,
     * rename, hashed while read and hashed again from the copy), puts the manifest and its signature
     * beside it, then hands {@code DATA/update/request} to the system's update helper. Audited as
     * {@code update.stage}. On any failure nothing is left in {@code staged/} and no request is made.
     */
    public StagedUpdate stage(Verified update, Actor actor, UpdateProgress progress) throws UpdateException {
        if (!(running() instanceof RunningImage.Version running)) {
            throw new UpdateException(Problem.NOT_AN_APPLIANCE, NOT_AN_IMAGE + ": nothing was staged");
        }
        UpdateManifest m = update.manifest();
        if (!m.version().isNewerThan(running.version()) && update.running().isEmpty()) {
            throw notNewer(m.version(), running.version());
        }
        if (!STAGING.tryLock()) {
            throw new UpdateException(Problem.BUSY, "An update is being staged already: wait for it to finish");
        }
        try {
            refuseWhileBusy();
            Path staged = dataFolder().resolve("staged");
            clear(staged);
            checkRoom(staged, m.size());
            boolean handedOver = false;
            try {
                Path image = staged.resolve(m.image());
                String read = ImageCopy.copy(update.image(), image, m.size(), progress);
                if (!read.equals(m.sha256())) {
                    throw digestMismatch(m.image());
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
                Path request = dataFolder().resolve("request");
                store.execute(tx -> {
                    audit.record(tx, actor, new UpdateEvents.UpdateStaged(m, update.manifestFile(), running.version(),
                            update.notNewer()));
                    try {
                        AtomicFiles.handOver(request, (manifestName + "\n").getBytes(StandardCharsets.US_ASCII));
                    } catch (IOException e) {
                        throw new UpdateException(Problem.COPY_FAILED, "The request to the system's update helper"
                                + " could not be written (" + ImageCopy.reason(e) + "): nothing was staged", e);
                    }
                });
                handedOver = true;
                return new StagedUpdate(m.version(), image, manifest, request, m.size());
            } finally {
                if (!handedOver) {
                    clear(staged);
                }
            }
        } finally {
            STAGING.unlock();
        }
    }

    /** Where the update stands: staged and waiting, being written, ready, failed, or nothing at all. */
    public UpdateStatus status() {
        Path dir = dataFolder();
        Path request = dir.resolve("request");
        if (KeyValues.isPlainFile(request)) {
            Optional<String> version = Optional.empty();
            try {
                byte[] b = readUpTo(request, 256);
                Matcher m = REQUEST_NAME.matcher(new String(b, StandardCharsets.US_ASCII).strip());
                version = m.matches() ? Optional.of(m.group(1)) : Optional.empty();
            } catch (IOException e) {
                // still requested; the version is only for the words
            }
            return new UpdateStatus(Phase.REQUESTED, version, Optional.empty(), "", modified(request));
        }
        Path file = dir.resolve("status");
        Map<String, String> s;
        try {
            Optional<Map<String, String>> read = KeyValues.read(file, MAX_STATUS_BYTES);
            if (read.isEmpty()) {
                return UpdateStatus.none();
            }
            s = read.get();
        } catch (IOException e) {
            return new UpdateStatus(Phase.UNREADABLE, Optional.empty(), Optional.empty(), "The update status " + file
                    + " cannot be read (" + ImageCopy.reason(e) + ")", Optional.empty());
        }
        Optional<String> version = Optional.ofNullable(s.get("version")).filter(v -> !v.isBlank());
        Optional<String> slot = Optional.ofNullable(s.get("slot")).filter(v -> !v.isBlank());
        String message = s.getOrDefault("message", "");
        Optional<Instant> written = modified(file);
        String state = s.getOrDefault("state", "").toLowerCase(Locale.ROOT);
        Phase phase = switch (state) {
            case "writing" -> Phase.WRITING;
            case "ready" -> written.isPresent() && written.get().isBefore(BootTime.current()) ? Phase.RESTARTED
                    : Phase.READY;
            case "failed" -> Phase.FAILED;
            default -> Phase.UNREADABLE;
        };
        if (phase == Phase.UNREADABLE) {
            message = state.isEmpty() ? "The update status " + file + " has no state= line"
                    : "The update status says state=" + state + ", which this appliance does not know";
        }
        return new UpdateStatus(phase, version, slot, message, written);
    }

    /**
     * Restarts into the update the helper has written in this boot ({@code systemctl reboot} on the
     * image). Audited as {@code update.restart}; returns the version it restarts into.
     */
    public ImageVersion restart(Actor actor) throws UpdateException {
        if (!(running() instanceof RunningImage.Version)) {
            throw new UpdateException(Problem.NOT_AN_APPLIANCE, NOT_AN_IMAGE + ": nothing was restarted");
        }
        UpdateStatus status = status();
        if (status.phase() != Phase.READY || status.version().isEmpty()) {
            throw new UpdateException(Problem.NOT_READY, "No update is ready to restart into (the update status is "
                    + status.phase().name().toLowerCase(Locale.ROOT) + "): nothing was restarted");
        }
        ImageVersion version;
        try {
            version = ImageVersion.parse(status.version().get());
        } catch (IllegalArgumentException e) {
            throw new UpdateException(Problem.NOT_READY, "The update status names version '"
                    + status.version().get() + "', which is not a version: nothing was restarted");
        }
        store.execute(tx -> audit.record(tx, actor, new UpdateEvents.UpdateRestarted(version, status.slot(),
                ((RunningImage.Version) running()).version())));
        try {
            config.restarter().restart();
        } catch (IOException e) {
            throw new UpdateException(Problem.RESTART_FAILED, "The restart could not be asked for ("
                    + ImageCopy.reason(e) + "): switch the appliance off and on again; it starts version " + version,
                    e);
        }
        return version;
    }

    private Path dataFolder() {
        return store.dataDir().resolve(DATA_FOLDER);
    }

    private void refuseWhileBusy() throws UpdateException {
        UpdateStatus s = status();
        String v = s.version().map(x -> " (version " + x + ")").orElse("");
        if (s.phase() == Phase.REQUESTED) {
            throw new UpdateException(Problem.BUSY, "An update" + v + " is staged and waits for the system to write it:"
                    + " wait until it is ready or has failed");
        }
        if (s.phase() == Phase.WRITING) {
            throw new UpdateException(Problem.BUSY, "An update" + v + " is being written to the spare system slot now:"
                    + " wait until it is ready or has failed");
        }
    }

    private static void checkRoom(Path staged, long size) throws UpdateException {
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
    private static void clear(Path staged) throws UpdateException {
        try {
            Files.createDirectories(staged);
            try (DirectoryStream<Path> s = Files.newDirectoryStream(staged)) {
                for (Path p : s) {
                    if (!Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        } catch (IOException e) {
            throw new UpdateException(Problem.COPY_FAILED, "The staging folder " + staged + " cannot be emptied ("
                    + ImageCopy.reason(e) + ")", e);
        }
    }

    private PublicKey releaseKey() throws UpdateException {
        Path file = config.releaseKey();
        byte[] pem;
        try {
            pem = readUpTo(file, MAX_KEY_BYTES + 1);
        } catch (NoSuchFileException e) {
            throw new UpdateException(Problem.NO_RELEASE_KEY, "The release key that updates are checked with (" + file
                    + ") is missing: this appliance cannot check updates. Install it again from a release image", e);
        } catch (IOException e) {
            throw new UpdateException(Problem.NO_RELEASE_KEY, "The release key " + file + " cannot be read ("
                    + ImageCopy.reason(e) + "): this appliance cannot check updates", e);
        }
        try {
            return PublicKey.fromPem(new String(pem, StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            throw new UpdateException(Problem.NO_RELEASE_KEY, "The release key " + file + " is not usable ("
                    + e.getMessage() + "): this appliance cannot check updates", e);
        }
    }

    /** At most {@code max} bytes of {@code file}; a longer file is refused as {@code tooLong}. */
    private static byte[] readSmall(Path file, int max, String what, Problem tooLong) throws UpdateException {
        byte[] b;
        try {
            b = readUpTo(file, max + 1);
        } catch (IOException e) {
            throw new UpdateException(Problem.STICK_UNREADABLE, what + " cannot be read from the stick ("
                    + ImageCopy.reason(e) + "): put the stick back and try again", e);
        }
        if (b.length > max) {
            throw new UpdateException(tooLong, what + " is larger than "
                    + max + " bytes: it is not part of an Airlock update. Do not use it");
        }
        return b;
    }

    private static byte[] readUpTo(Path file, int max) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(max);
        }
    }

    private static Optional<Instant> modified(Path file) {
        try {
            return Optional.of(Files.getLastModifiedTime(file).toInstant());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static UpdateException notNewer(ImageVersion update, ImageVersion running) {
        if (update.equals(running)) {
            return new UpdateException(Problem.NOT_NEWER, "This update is version " + update + ", the version running"
                    + " now: there is nothing to update. A supervisor may install it again on purpose (reinstall)");
        }
        return new UpdateException(Problem.NOT_NEWER, "This update is version " + update + ", older than the running"
                + " version " + running + ": installing it would go back. A supervisor may do that on purpose"
                + " (reinstall or downgrade)");
    }

    private static UpdateException digestMismatch(String image) {
        return new UpdateException(Problem.DIGEST_MISMATCH, "The image " + image + " does not match the checksum the"
                + " release key signed: it was damaged or changed after signing. Do not use it; copy it onto the stick"
                + " again");
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.0f MB", bytes / 1e6);
    }
}
