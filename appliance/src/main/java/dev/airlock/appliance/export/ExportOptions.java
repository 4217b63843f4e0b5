package dev.airlock.appliance.export;

import dev.airlock.formats.qr.QrOptions;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What to export and where.
 *
 * @param stick  the transfer stick's root; the bundle goes to {@code STICK/AIRLOCK/outbound/}
 * @param group  only products of machines in this lab group
 * @param limit  at most this many products (capped at the format's 20,000 per bundle)
 * @param again  also products already EXPORTED (still waiting) or REJECTED: send them once more
 * @param force  export although a MAK's known remaining count is lower than its products here
 * @param qrDir  also render the bundle as QR frames into this folder
 */
public record ExportOptions(Path stick, Optional<String> group, int limit, boolean again, boolean force,
        Optional<Path> qrDir, QrOptions qrOptions) {
    public ExportOptions {
        Objects.requireNonNull(stick, "stick");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(qrDir, "qrDir");
        Objects.requireNonNull(qrOptions, "qrOptions");
        if (limit <= 0) {
            throw new IllegalArgumentException("--limit must be at least 1");
        }
    }

    /** Every COLLECTED product (up to one bundle's worth) to {@code stick}. */
    public static ExportOptions to(Path stick) {
        return new ExportOptions(stick, Optional.empty(), Integer.MAX_VALUE, false, false, Optional.empty(),
                QrOptions.defaults());
    }

    public ExportOptions withGroup(String g) {
        return new ExportOptions(stick, Optional.of(g), limit, again, force, qrDir, qrOptions);
    }

    public ExportOptions withLimit(int n) {
        return new ExportOptions(stick, group, n, again, force, qrDir, qrOptions);
    }

    public ExportOptions withAgain(boolean a) {
        return new ExportOptions(stick, group, limit, a, force, qrDir, qrOptions);
    }

    public ExportOptions withForce(boolean f) {
        return new ExportOptions(stick, group, limit, again, f, qrDir, qrOptions);
    }

    public ExportOptions withQr(Path dir) {
        return new ExportOptions(stick, group, limit, again, force, Optional.of(dir), qrOptions);
    }
}
