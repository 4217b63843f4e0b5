package dev.airlock.kiosk.gateway;

import com.vaadin.flow.spring.annotation.SpringComponent;
import dev.airlock.appliance.devices.StickLayout;
import dev.airlock.appliance.gateway.BatchActivationConfig;
import dev.airlock.appliance.keys.Sleeper;
import dev.airlock.formats.bundle.BundleFile;
import dev.airlock.formats.bundle.MalformedBundleException;
import dev.airlock.formats.bundle.SignedBundle;
import dev.airlock.formats.signature.BadSignatureException;
import dev.airlock.formats.signature.PublicKey;
import dev.airlock.kiosk.core.KioskBeans.KioskSettings;
import dev.airlock.kiosk.core.KioskPaths;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The gateway screen's files and configuration, kept out of the view: the request files on a
 * stick, the kiosk's work folder (requests scanned from QR frames, responses without a stick),
 * and the BatchActivation settings with their {@code AIRLOCK_*} environment.
 */
@SpringComponent
final class GatewayDesk {
    /** Where requests scanned from QR frames and responses without a stick are kept. */
    static final String WORK_DIR = "kiosk-gateway";

    private final KioskPaths paths;
    private final KioskSettings settings;

    GatewayDesk(KioskPaths paths, KioskSettings settings) {
        this.paths = paths;
        this.settings = settings;
    }

    /** The complete request files in {@code STICK/AIRLOCK/outbound}, newest first. */
    static List<Path> requestFiles(Path root) {
        Path dir = StickLayout.Folder.OUTBOUND.on(root);
        List<Path> out = new ArrayList<>();
        // a linked folder or file could lead off the stick: not followed, not listed
        if (StickLayout.offTheStick(root, dir).isEmpty() && Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.xml")) {
                ds.forEach(p -> {
                    if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && !p.getFileName().toString().startsWith(".")) {
                        out.add(p);
                    }
                });
            } catch (IOException e) {
                return List.of();
            }
        }
        out.sort(Comparator.comparing(GatewayDesk::modified).reversed());
        return out;
    }

    private static long modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    /** Keeps a request reassembled from QR frames as a request file in the work folder. */
    Path keepScanned(SignedBundle bundle, PublicKey key) throws IOException {
        Path dir = Files.createDirectories(workDir().resolve("requests"));
        Path file = dir.resolve(BundleFile.fileName(bundle));
        Files.write(file, BundleFile.write(bundle, key));
        return file;
    }

    /** Where a response goes: the chosen stick's root, else the kiosk's work folder. */
    Path target(Path stickRoot) throws IOException {
        return stickRoot != null ? stickRoot : Files.createDirectories(workDir());
    }

    /** BatchActivation as the settings and the {@code AIRLOCK_*} environment configure it now. */
    BatchActivationConfig onlineConfig() {
        return BatchActivationConfig.fromSettings(settings.current(), System.getenv(), Sleeper.real());
    }

    /** The signed envelope of a response file, for the QR frames. */
    static byte[] envelope(Path response)
            throws IOException, MalformedBundleException, BadSignatureException {
        return BundleFile.read(response).envelope();
    }

    private Path workDir() {
        return paths.dataDir().resolve(WORK_DIR);
    }
}
