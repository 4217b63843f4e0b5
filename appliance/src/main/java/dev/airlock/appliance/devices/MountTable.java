package dev.airlock.appliance.devices;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The mounts listed in a {@code mountinfo} file (format per the kernel's proc(5): ID, parent ID,
 * major:minor, root, mount point, options, optional fields, "-", type, source, super options;
 * spaces, tabs, newlines and backslashes in fields written as octal escapes such as {@code \040}).
 */
final class MountTable {
    /** One mount. {@code source} is e.g. {@code /dev/sdb1}, or the image or daemon name for FUSE. */
    record Mount(Path mountPoint, String type, String source, String options) {
        boolean fuse() {
            return type.equals("fuse") || type.startsWith("fuse.") || type.equals("fuseblk");
        }

        boolean blockDevice() {
            return source.startsWith("/dev/");
        }
    }

    private final Map<Path, Mount> byPoint;

    private MountTable(Map<Path, Mount> byPoint) {
        this.byPoint = byPoint;
    }

    /** Reads {@code file}; a missing file is an empty table (e.g. not Linux). */
    static MountTable read(Path file) throws IOException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return new MountTable(Map.of());
        }
        return parse(text);
    }

    /** Parses mountinfo text; malformed lines are skipped. A later mount on the same point hides the earlier one. */
    static MountTable parse(String text) {
        Map<Path, Mount> out = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            String[] f = line.split(" ");
            int dash = -1;
            for (int i = 6; i < f.length; i++) {
                if (f[i].equals("-")) {
                    dash = i;
                    break;
                }
            }
            if (f.length < 10 || dash < 0 || dash + 2 >= f.length) {
                continue;
            }
            String point = unescape(f[4]);
            if (!point.startsWith("/")) {
                continue;
            }
            Path p = Path.of(point);
            out.remove(p); // keep insertion order = mount order, top mount last
            out.put(p, new Mount(p, unescape(f[dash + 1]), unescape(f[dash + 2]), f[5]));
        }
        return new MountTable(out);
    }

    /** Mount points at or below {@code dir}, in mount order. */
    List<Mount> atOrBelow(Path dir) {
        List<Mount> out = new ArrayList<>();
        for (Mount m : byPoint.values()) {
            if (m.mountPoint().startsWith(dir)) {
                out.add(m);
            }
        }
        return out;
    }

    Optional<Mount> at(Path point) {
        return Optional.ofNullable(byPoint.get(point));
    }

    /** The mount that holds {@code path} (the longest mount point that is a prefix of it). */
    Optional<Mount> holding(Path path) {
        Mount best = null;
        for (Mount m : byPoint.values()) {
            if (path.startsWith(m.mountPoint())
                    && (best == null || m.mountPoint().getNameCount() >= best.mountPoint().getNameCount())) {
                best = m;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Decodes the kernel's {@code \ooo} octal escapes (bytes, then UTF-8). */
    static String unescape(String field) {
        if (field.indexOf('\\') < 0) {
            return field;
        }
        byte[] raw = field.getBytes(StandardCharsets.UTF_8);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(raw.length);
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == '\\' && i + 3 < raw.length && octal(raw[i + 1]) && octal(raw[i + 2]) && octal(raw[i + 3])) {
                out.write(((raw[i + 1] - '0') << 6) | ((raw[i + 2] - '0') << 3) | (raw[i + 3] - '0'));
                i += 3;
            } else {
                out.write(raw[i]);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static boolean octal(byte b) {
        return b >= '0' && b <= '7';
    }
}
