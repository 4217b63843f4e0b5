package dev.airlock.appliance.update;

import static dev.airlock.appliance.update.UpdateService.MANIFEST_EXTENSION;
import static dev.airlock.appliance.update.UpdateService.SIGNATURE_EXTENSION;

import dev.airlock.appliance.devices.StickLayout;
import dev.airlock.appliance.update.UpdateCheck.Verified;
import dev.airlock.appliance.update.UpdateException.Problem;
import dev.airlock.appliance.update.UpdateProgress.Step;
import dev.airlock.formats.signature.BadSignatureException;
import dev.airlock.formats.signature.PublicKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** Finds the updates on a stick and verifies one: signature against the release key, manifest, version, size, SHA-256. */
final class UpdateVerifier {
    private static final int MAX_KEY_BYTES = 4096;

    private final UpdateConfig config;
    private final Supplier<RunningImage> running;

    UpdateVerifier(UpdateConfig config, Supplier<RunningImage> running) {
        this.config = config;
        this.running = running;
    }

    /**
     * The manifests in the stick's {@code AIRLOCK/update}, by name; none when the folder is missing
     * or would lead off the stick ({@code AIRLOCK} or {@code update} a link: see {@link StickLayout#offTheStick}).
     */
    public List<Path> find(Path stickRoot) {
        Path dir = StickLayout.Folder.UPDATE.on(stickRoot);
        List<Path> out = new ArrayList<>();
        if (StickLayout.offTheStick(stickRoot, dir).isPresent() || !Files.isDirectory(dir)) {
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
        Optional<ImageVersion> runningVersion = running.get() instanceof RunningImage.Version v ? Optional.of(v.version())
                : Optional.empty();
        if (runningVersion.isPresent() && !manifest.version().isNewerThan(runningVersion.get()) && !reinstall) {
            throw notNewer(manifest.version(), runningVersion.get());
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
        return new Verified(manifestFile, manifest, manifestBytes, signature, runningVersion);
    }

    private PublicKey releaseKey() throws UpdateException {
        Path file = config.releaseKey();
        byte[] pem;
        try {
            pem = KeyValues.readUpTo(file, MAX_KEY_BYTES + 1);
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
            b = KeyValues.readUpTo(file, max + 1);
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

    static UpdateException notNewer(ImageVersion update, ImageVersion running) {
        if (update.equals(running)) {
            return new UpdateException(Problem.NOT_NEWER, "This update is version " + update + ", the version running"
                    + " now: there is nothing to update. A supervisor may install it again on purpose (reinstall)");
        }
        return new UpdateException(Problem.NOT_NEWER, "This update is version " + update + ", older than the running"
                + " version " + running + ": installing it would go back. A supervisor may do that on purpose"
                + " (reinstall or downgrade)");
    }

    static UpdateException digestMismatch(String image) {
        return new UpdateException(Problem.DIGEST_MISMATCH, "The image " + image + " does not match the checksum the"
                + " release key signed: it was damaged or changed after signing. Do not use it; copy it onto the stick"
                + " again");
    }
}
