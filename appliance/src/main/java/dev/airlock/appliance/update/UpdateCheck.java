package dev.airlock.appliance.update;

import dev.airlock.appliance.update.UpdateException.Problem;
import java.nio.file.Path;
import java.util.Optional;

/** What checking one update on a stick found: verified (ready to stage), or refused with the reason. */
public sealed interface UpdateCheck permits UpdateCheck.Verified, UpdateCheck.Refused {
    /** The manifest file on the stick. */
    Path manifestFile();

    /**
     * An update whose signature, manifest, image size and image SHA-256 all checked out. Only
     * {@link UpdateService} makes one, so holding one means it was verified.
     */
    final class Verified implements UpdateCheck {
        private final Path manifestFile;
        private final UpdateManifest manifest;
        private final byte[] manifestBytes;
        private final byte[] signature;
        private final Optional<ImageVersion> running;

        Verified(Path manifestFile, UpdateManifest manifest, byte[] manifestBytes, byte[] signature,
                Optional<ImageVersion> running) {
            this.manifestFile = manifestFile;
            this.manifest = manifest;
            this.manifestBytes = manifestBytes.clone();
            this.signature = signature.clone();
            this.running = running;
        }

        @Override
        public Path manifestFile() {
            return manifestFile;
        }

        public UpdateManifest manifest() {
            return manifest;
        }

        /** The image file beside the manifest. */
        public Path image() {
            return manifestFile.resolveSibling(manifest.image());
        }

        /** The version running when it was checked (empty outside an appliance image). */
        public Optional<ImageVersion> running() {
            return running;
        }

        /** Whether it is the running version or an older one (installing it was chosen on purpose). */
        public boolean notNewer() {
            return running.isPresent() && !manifest.version().isNewerThan(running.get());
        }

        byte[] manifestBytes() {
            return manifestBytes.clone();
        }

        byte[] signature() {
            return signature.clone();
        }

        @Override
        public String toString() {
            return "verified update " + manifest.version() + " (" + manifestFile + ")";
        }
    }

    /** Refused: {@code message} says why and what to do. */
    record Refused(Path manifestFile, Problem problem, String message) implements UpdateCheck {}
}
