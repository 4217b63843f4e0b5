package dev.airlock.appliance.update;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Small {@code KEY=value} files written by the system (os-release, the update helper's status), read size-limited. */
final class KeyValues {
    private KeyValues() {}

    /**
     * The keys and values of {@code file}, or empty when it does not exist. Blank lines and {@code #}
     * comments are skipped, a value in single or double quotes is unquoted (os-release syntax), lines
     * without {@code =} are ignored; a file larger than {@code maxBytes} throws.
     */
    static Optional<Map<String, String>> read(Path file, int maxBytes) throws IOException {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(maxBytes + 1);
        } catch (java.nio.file.NoSuchFileException e) {
            return Optional.empty();
        }
        if (bytes.length > maxBytes) {
            throw new IOException(file + " is larger than " + maxBytes + " bytes; it is not what the system writes");
        }
        return Optional.of(parse(new String(bytes, StandardCharsets.UTF_8)));
    }

    /** At most {@code max} bytes from the start of {@code file}. */
    static byte[] readUpTo(Path file, int max) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(max);
        }
    }

    static Map<String, String> parse(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            int eq = line.indexOf('=');
            if (line.isEmpty() || line.startsWith("#") || eq <= 0) {
                continue;
            }
            out.put(line.substring(0, eq).strip(), unquote(line.substring(eq + 1).strip()));
        }
        return out;
    }

    private static String unquote(String v) {
        if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
            String inner = v.substring(1, v.length() - 1);
            if (v.startsWith("\"")) {
                StringBuilder b = new StringBuilder(inner.length());
                for (int i = 0; i < inner.length(); i++) {
                    char c = inner.charAt(i);
                    if (c == '\\' && i + 1 < inner.length() && "\\$\"`".indexOf(inner.charAt(i + 1)) >= 0) {
                        c = inner.charAt(++i);
                    }
                    b.append(c);
                }
                return b.toString();
            }
            return inner;
        }
        return v;
    }

    /** Whether {@code p} is a regular file, not following a symbolic link. */
    static boolean isPlainFile(Path p) {
        return Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS);
    }
}
