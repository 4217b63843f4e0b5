package dev.airlock.appliance.update;

import dev.airlock.appliance.update.UpdateException.Problem;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An update's manifest ({@value #FORMAT}): UTF-8 {@code key=value} lines, exactly {@code format},
 * {@code version}, {@code image}, {@code size}, {@code sha256}, {@code built}, in this order. Its
 * exact bytes are what the release key signs.
 *
 * @param image the squashfs file's name, in the manifest's own folder
 * @param size the image's length in bytes
 * @param sha256 the image's SHA-256, 64 lower-case hex digits
 * @param built when the image was built (UTC)
 */
public record UpdateManifest(ImageVersion version, String image, long size, String sha256, Instant built) {
    /** The one format this appliance reads. */
    public static final String FORMAT = "airlock-update-1";
    /** The largest manifest read, in bytes. */
    public static final int MAX_BYTES = 4096;
    /** Largest image accepted (64 GiB): far above a real root file system, far below a long's range. */
    static final long MAX_IMAGE_BYTES = 64L << 30;
    private static final List<String> KEYS = List.of("format", "version", "image", "size", "sha256", "built");

    /** The manifest's file name for {@code version}: {@code airlock-<version>.update}. */
    public static String fileName(ImageVersion version) {
        return "airlock-" + version + ".update";
    }

    /** Parses the manifest's bytes; any deviation from the format throws {@link Problem#MALFORMED}, naming it. */
    public static UpdateManifest parse(byte[] bytes) throws UpdateException {
        if (bytes.length > MAX_BYTES) {
            throw malformed("it is " + bytes.length + " bytes long; a manifest is at most " + MAX_BYTES + " bytes");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw malformed("it is not UTF-8 text");
        }
        if (text.isEmpty()) {
            throw malformed("it is empty");
        }
        if (text.indexOf('\r') >= 0) {
            throw malformed("it has Windows line ends (CR LF); a manifest has LF line ends only");
        }
        String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        String[] lines = body.split("\n", -1);
        Map<String, String> values = new HashMap<>();
        Map<String, Integer> lineOf = new HashMap<>();
        List<String> order = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            int n = i + 1;
            String line = lines[i];
            if (line.isEmpty()) {
                throw malformed("line " + n + " is empty");
            }
            for (int c = 0; c < line.length(); c++) {
                if (Character.isISOControl(line.charAt(c))) {
                    throw malformed("line " + n + " holds a control character");
                }
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw malformed("line " + n + " ('" + shown(line) + "') is not key=value");
            }
            String key = line.substring(0, eq);
            if (!KEYS.contains(key)) {
                throw malformed("line " + n + " has the unknown key '" + shown(key) + "'; a manifest has exactly "
                        + String.join(", ", KEYS));
            }
            if (lineOf.containsKey(key)) {
                throw malformed("'" + key + "=' appears twice (lines " + lineOf.get(key) + " and " + n + ")");
            }
            lineOf.put(key, n);
            values.put(key, line.substring(eq + 1));
            order.add(key);
        }
        for (String key : KEYS) {
            if (!values.containsKey(key)) {
                throw malformed("it has no '" + key + "=' line");
            }
        }
        for (int i = 0; i < KEYS.size(); i++) {
            if (!order.get(i).equals(KEYS.get(i))) {
                throw malformed("line " + (i + 1) + " has '" + order.get(i) + "=' where '" + KEYS.get(i)
                        + "=' belongs; the keys come in this order: " + String.join(", ", KEYS));
            }
        }
        String format = values.get("format");
        if (!format.equals(FORMAT)) {
            throw malformed("its format is '" + shown(format) + "', not " + FORMAT + " (an update for a newer"
                    + " appliance, or no Airlock update at all)");
        }
        ImageVersion version;
        try {
            version = ImageVersion.parse(values.get("version"));
        } catch (IllegalArgumentException e) {
            throw malformed(e.getMessage());
        }
        return new UpdateManifest(version, imageName(values.get("image")), size(values.get("size")),
                sha256(values.get("sha256")), built(values.get("built")));
    }

    private static String imageName(String v) throws UpdateException {
        if (v.indexOf('/') >= 0 || v.indexOf('\\') >= 0) {
            throw malformed("image '" + shown(v) + "' is a path; it must be a file name in the manifest's own folder");
        }
        if (v.endsWith(".update") || v.endsWith(".sig")) {
            throw malformed("image '" + shown(v) + "' names a manifest or signature file, not the squashfs image");
        }
        if (v.isEmpty() || v.length() > 128 || v.startsWith(".") || !v.matches("[A-Za-z0-9._+-]+")) {
            throw malformed("image '" + shown(v) + "' is not a plain file name (letters, digits, . _ + -, not"
                    + " starting with a dot, at most 128 characters)");
        }
        return v;
    }

    private static long size(String v) throws UpdateException {
        if (!v.matches("[1-9][0-9]{0,17}")) {
            throw malformed("size '" + shown(v) + "' is not a whole number of bytes");
        }
        long n = Long.parseLong(v);
        if (n > MAX_IMAGE_BYTES) {
            throw malformed("size " + n + " is larger than any root file system (at most 64 GiB)");
        }
        return n;
    }

    private static String sha256(String v) throws UpdateException {
        if (!v.matches("[0-9a-f]{64}")) {
            throw malformed("sha256 '" + shown(v) + "' is not 64 lower-case hex digits");
        }
        return v;
    }

    private static Instant built(String v) throws UpdateException {
        try {
            if (!v.endsWith("Z")) {
                throw new DateTimeParseException("not UTC", v, 0);
            }
            return Instant.parse(v);
        } catch (DateTimeParseException e) {
            throw malformed("built '" + shown(v) + "' is not a UTC time such as 2026-12-01T10:00:00Z");
        }
    }

    private static String shown(String v) {
        return v.length() > 40 ? v.substring(0, 40) + "..." : v;
    }

    private static UpdateException malformed(String why) {
        return new UpdateException(Problem.MALFORMED, why);
    }
}
