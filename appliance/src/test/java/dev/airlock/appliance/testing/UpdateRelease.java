package dev.airlock.appliance.testing;

import dev.airlock.appliance.devices.StickLayout;
import dev.airlock.appliance.update.UpdateConfig;
import dev.airlock.formats.signature.SigningKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A made-up release for update tests: a release key (its public half as the image pins it), an
 * os-release naming the running version, and signed updates written onto a stick folder exactly
 * as the image build's sign-update.sh lays them out.
 */
public final class UpdateRelease {
    /** The release key's seed (made up, for tests only). */
    public static final SigningKey KEY = SigningKey.fromSeed(
            HexFormat.of().parseHex("4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb"));
    public final Path dir;
    public final Path releaseKey;
    public final Path osRelease;
    /** How often the restarter was called. */
    public final AtomicInteger restarts = new AtomicInteger();

    /** In {@code dir}: the pinned public key, and os-release with {@code IMAGE_VERSION=running} (none when null). */
    public UpdateRelease(Path dir, String running) throws IOException {
        this.dir = Files.createDirectories(dir);
        this.releaseKey = Files.writeString(dir.resolve("update-key.pem"), KEY.publicKey().toPem());
        this.osRelease = dir.resolve("os-release");
        running(running);
    }

    /** Rewrites os-release with {@code IMAGE_VERSION=version} (a plain Debian os-release when null). */
    public void running(String version) throws IOException {
        String debian = "PRETTY_NAME=\"Debian GNU/Linux 13 (trixie)\"\nNAME=\"Debian GNU/Linux\"\nVERSION_ID=\"13\"\n"
                + "ID=debian\n";
        Files.writeString(osRelease, debian + (version == null ? "" : "IMAGE_ID=airlock\nIMAGE_VERSION=\"" + version
                + "\"\n"));
    }

    /** The config pointing at these files, with a restarter that only counts. */
    public UpdateConfig config() {
        return new UpdateConfig(releaseKey, osRelease, restarts::incrementAndGet);
    }

    /** The manifest text sign-update.sh writes for {@code image}. */
    public static String manifest(String version, String imageName, byte[] image) {
        return "format=airlock-update-1\nversion=" + version + "\nimage=" + imageName + "\nsize=" + image.length
                + "\nsha256=" + sha256(image) + "\nbuilt=2026-12-01T10:00:00Z\n";
    }

    /**
     * Writes update {@code version} onto {@code stickRoot}/AIRLOCK/update: the image ({@code bytes}
     * random bytes), the manifest and its signature by {@link #KEY}. Returns the manifest file.
     */
    public static Path write(Path stickRoot, String version, int bytes) throws IOException {
        byte[] image = new byte[bytes];
        new SplittableRandom(bytes ^ version.hashCode()).nextBytes(image);
        String imageName = "airlock-" + version + ".root.squashfs";
        return write(stickRoot, version, imageName, image, manifest(version, imageName, image).getBytes(
                StandardCharsets.UTF_8), KEY);
    }

    /** Writes the given image and manifest bytes, signed by {@code key}. */
    public static Path write(Path stickRoot, String version, String imageName, byte[] image, byte[] manifest,
            SigningKey key) throws IOException {
        Path dir = Files.createDirectories(StickLayout.Folder.UPDATE.on(stickRoot));
        Files.write(dir.resolve(imageName), image);
        Path m = Files.write(dir.resolve("airlock-" + version + ".update"), manifest);
        Files.write(dir.resolve("airlock-" + version + ".update.sig"), key.signer().sign(manifest));
        return m;
    }

    public static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
