package dev.airlock.appliance.update;

import dev.airlock.appliance.audit.Actor;
import dev.airlock.appliance.audit.AuditService;
import dev.airlock.appliance.store.Store;
import dev.airlock.appliance.support.AtomicFiles;
import dev.airlock.appliance.update.UpdateCheck.Verified;
import dev.airlock.appliance.update.UpdateException.Problem;
import dev.airlock.appliance.update.UpdateStatus.Phase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Updates from a stick: finds them ({@code AIRLOCK/update}), verifies one against the pinned
 * release key, stages it into {@code DATA/update/} for the system's update helper, reads the
 * helper's status, and restarts into the new version.
 * Checking is {@link UpdateVerifier}'s part, the staging folder {@link UpdateStaging}'s, reading the
 * status {@link UpdateStatusReader}'s.
 */
public final class UpdateService {
    /** Where updates are on a stick. */
    /** A manifest's extension; its signature is the same name plus {@value #SIGNATURE_EXTENSION}. */
    public static final String MANIFEST_EXTENSION = ".update";
    public static final String SIGNATURE_EXTENSION = ".sig";
    /** The data dir's folder for updates; the helper's files are {@code request} and {@code status} in it. */
    public static final String DATA_FOLDER = "update";
    static final String NOT_AN_IMAGE = "This is not an appliance image; updates apply only on the appliance";
    private static final int MAX_OS_RELEASE_BYTES = 64 * 1024;
    /** One staging at a time in this process (the data dir lock keeps other processes out). */
    private static final ReentrantLock STAGING = new ReentrantLock();

    private final Store store;
    private final AuditService audit;
    private final UpdateConfig config;
    private final UpdateVerifier verifier;

    public UpdateService(Store store, AuditService audit, UpdateConfig config) {
        this.store = store;
        this.audit = audit;
        this.config = config;
        this.verifier = new UpdateVerifier(config, this::running);
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
        return verifier.find(stickRoot);
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
        return verifier.verify(manifestFile, reinstall, progress);
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
            throw UpdateVerifier.notNewer(m.version(), running.version());
        }
        if (!STAGING.tryLock()) {
            throw new UpdateException(Problem.BUSY, "An update is being staged already: wait for it to finish");
        }
        try {
            refuseWhileBusy();
            Path staged = dataFolder().resolve("staged");
            UpdateStaging.clear(staged);
            UpdateStaging.checkRoom(staged, m.size());
            boolean handedOver = false;
            try {
                UpdateStaging.Copied copied = UpdateStaging.copyIn(update, staged, progress);
                Path image = copied.image();
                String manifestName = copied.manifestName();
                Path manifest = copied.manifest();
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
                    UpdateStaging.clear(staged);
                }
            }
        } finally {
            STAGING.unlock();
        }
    }

    /** Where the update stands: staged and waiting, being written, ready, failed, or nothing at all. */
    public UpdateStatus status() {
        return UpdateStatusReader.status(dataFolder());
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

}
