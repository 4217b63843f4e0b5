package dev.airlock.appliance.devices;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** A mount's volume label: udev's {@code /dev/disk/by-label} link to its block device, else the folder's name. */
final class Labels {
    static final Path BY_LABEL = Path.of("/dev/disk/by-label");

    private Labels() {}

    static String of(MountTable.Mount m) {
        String folder = m.mountPoint().getFileName() == null ? m.mountPoint().toString()
                : m.mountPoint().getFileName().toString();
        if (!m.blockDevice() || !Files.isDirectory(BY_LABEL)) {
            return folder;
        }
        try {
            Path device = Path.of(m.source()).toRealPath();
            try (DirectoryStream<Path> links = Files.newDirectoryStream(BY_LABEL)) {
                for (Path link : links) {
                    try {
                        if (link.toRealPath().equals(device)) {
                            return udevUnescape(link.getFileName().toString());
                        }
                    } catch (IOException e) {
                        // a dangling link: a device that just went away
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // no label known: the folder's name (udisks names it after the label anyway)
        }
        return folder;
    }

    /** udev writes unsafe characters as {@code \xHH} (e.g. a space as {@code \x20}). */
    static String udevUnescape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 3 < s.length() && s.charAt(i + 1) == 'x') {
                try {
                    out.append((char) Integer.parseInt(s.substring(i + 2, i + 4), 16));
                    i += 3;
                    continue;
                } catch (NumberFormatException e) {
                    // not an escape: keep the backslash
                }
            }
            out.append(c);
        }
        return out.toString();
    }
}
