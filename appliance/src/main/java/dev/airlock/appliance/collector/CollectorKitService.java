package dev.airlock.appliance.collector;

import dev.airlock.appliance.support.AtomicFiles;
import dev.airlock.formats.ids.ProductKey;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Lays the collector kit out on a stick: {@code AIRLOCK/collector/} with the scripts (collect
 * mode {@code Collect.cmd}, apply mode {@code Apply.cmd}) and the technician's README, and an
 * empty {@code AIRLOCK/collected/} for the records. Optionally a
 * product key for the script to install first ({@code InstallKey.txt}, in clear text).
 */
public final class CollectorKitService {
    /** The kit's files, as shipped in transfer-formats. */
    static final List<String> FILES = List.of("Collect.cmd", "Apply.cmd", "Collect.ps1", "README.txt");
    static final String RESOURCE_DIR = "/dev/airlock/formats/kit/collector/";
    /** The file the script reads a key to install from. */
    public static final String INSTALL_KEY_FILE = "InstallKey.txt";

    /** What was written, for the operator. */
    public record KitWritten(Path kitDir, Path collectedDir, List<Path> files, boolean holdsKey) {}

    /** Writes the kit under {@code stickRoot}; an earlier kit's files are replaced (and a stale key removed). */
    public KitWritten write(Path stickRoot, Optional<ProductKey> installKey) throws IOException {
        if (!Files.isDirectory(stickRoot)) {
            throw new IOException(stickRoot + " is not a folder (is the stick mounted?)");
        }
        Path kit = stickRoot.resolve("AIRLOCK").resolve("collector");
        Path collected = stickRoot.resolve("AIRLOCK").resolve("collected");
        Files.createDirectories(kit);
        Files.createDirectories(collected);
        List<Path> written = new ArrayList<>();
        for (String name : FILES) {
            Path target = kit.resolve(name);
            AtomicFiles.write(target, resource(name));
            written.add(target);
        }
        Path keyFile = kit.resolve(INSTALL_KEY_FILE);
        if (installKey.isPresent()) {
            AtomicFiles.write(keyFile, (installKey.get().revealForInstall() + "\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            written.add(keyFile);
        } else {
            Files.deleteIfExists(keyFile);
        }
        return new KitWritten(kit, collected, written, installKey.isPresent());
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = CollectorKitService.class.getResourceAsStream(RESOURCE_DIR + name)) {
            if (in == null) {
                throw new IllegalStateException("the build is missing " + RESOURCE_DIR + name);
            }
            return in.readAllBytes();
        }
    }
}
