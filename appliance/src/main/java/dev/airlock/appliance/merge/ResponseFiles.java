package dev.airlock.appliance.merge;

import dev.airlock.appliance.devices.StickLayout;
import dev.airlock.formats.outside.OutsideFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Which files an import reads: the response files an input names, and QR frames text files. */
final class ResponseFiles {
    private ResponseFiles() {}

    /**
     * The response files {@code input} names; entries of a folder that are not regular files (a
     * link, a pipe, a socket, a device) go to {@code skipped} with the reason, never opened.
     */
    static List<Path> expand(Path input, List<MergeOutcome> skipped) throws IOException {
        if (!Files.isDirectory(input)) {
            return List.of(input);
        }
        Path inbound = StickLayout.Folder.INBOUND.on(input);
        Optional<StickLayout.OffTheStick> off = StickLayout.offTheStick(input, inbound);
        Path dir = off.isEmpty() && Files.isDirectory(inbound, java.nio.file.LinkOption.NOFOLLOW_LINKS) ? inbound
                : input;
        if (off.isPresent()) {
            // AIRLOCK or AIRLOCK/inbound is a link: never followed, it could lead off the stick
            skipped.add(new MergeOutcome.Skipped(off.get().path().toString(), off.get().reason()));
        }
        List<Path> files = new ArrayList<>();
        try (Stream<Path> list = Files.list(dir)) {
            for (Path p : list.sorted().toList()) {
                String name = p.getFileName().toString();
                if (name.startsWith(".") || !name.toLowerCase(java.util.Locale.ROOT).endsWith(".xml")) {
                    continue;
                }
                Optional<String> why = OutsideFiles.notRegular(p);
                if (why.isPresent()) {
                    skipped.add(new MergeOutcome.Skipped(p.toString(), why.get()));
                } else {
                    files.add(p);
                }
            }
        }
        return files;
    }

    /** The lines of a QR frames text file (digits per line), or empty for anything else. */
    static Optional<List<String>> framesLines(Path file, byte[] bytes) {
        if (file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".xml")) {
            return Optional.empty();
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        List<String> lines = text.lines().toList();
        Optional<String> first = lines.stream().filter(l -> !l.isBlank()).findFirst();
        if (first.isPresent() && first.get().strip().matches("[0-9]+")) {
            return Optional.of(lines);
        }
        return Optional.empty();
    }
}
