package dev.airlock.kiosk.export;

import com.vaadin.flow.spring.annotation.SpringComponent;
import dev.airlock.formats.bundle.BundleFile;
import dev.airlock.formats.bundle.MalformedBundleException;
import dev.airlock.formats.signature.BadSignatureException;
import dev.airlock.kiosk.core.KioskPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Where an export shown as QR frames is written first: a fresh folder under the data dir's {@code qr-export}. */
@SpringComponent
final class QrStaging {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")
            .withZone(ZoneOffset.UTC);

    private final KioskPaths paths;

    QrStaging(KioskPaths paths) {
        this.paths = paths;
    }

    /** A new, empty staging folder named for this moment. */
    Path newFolder() throws IOException {
        return Files.createDirectories(paths.dataDir().resolve("qr-export").resolve(STAMP.format(Instant.now())));
    }

    /** The signed envelope of the request file written there, for the QR frames. */
    static byte[] envelope(Path request) throws IOException, MalformedBundleException, BadSignatureException {
        return BundleFile.read(request).envelope();
    }
}
