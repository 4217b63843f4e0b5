package dev.airlock.appliance.update;

import dev.airlock.appliance.update.UpdateStatus.Phase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads where an update stands from the data dir's {@code update/request} and the helper's {@code update/status}. */
final class UpdateStatusReader {
    private static final int MAX_STATUS_BYTES = 4096;
    private static final Pattern REQUEST_NAME = Pattern.compile("airlock-([0-9.]{1,80})\\.update");

    private UpdateStatusReader() {
    }

    /** Where the update in {@code dir} stands: staged and waiting, being written, ready, failed, or nothing at all. */
    static UpdateStatus status(Path dir) {
        Path request = dir.resolve("request");
        if (KeyValues.isPlainFile(request)) {
            Optional<String> version = Optional.empty();
            try {
                byte[] b = KeyValues.readUpTo(request, 256);
                Matcher m = REQUEST_NAME.matcher(new String(b, StandardCharsets.US_ASCII).strip());
                version = m.matches() ? Optional.of(m.group(1)) : Optional.empty();
            } catch (IOException e) {
                // still requested; the version is only for the words
            }
            return new UpdateStatus(Phase.REQUESTED, version, Optional.empty(), "", modified(request));
        }
        Path file = dir.resolve("status");
        Map<String, String> s;
        try {
            Optional<Map<String, String>> read = KeyValues.read(file, MAX_STATUS_BYTES);
            if (read.isEmpty()) {
                return UpdateStatus.none();
            }
            s = read.get();
        } catch (IOException e) {
            return new UpdateStatus(Phase.UNREADABLE, Optional.empty(), Optional.empty(), "The update status " + file
                    + " cannot be read (" + ImageCopy.reason(e) + ")", Optional.empty());
        }
        Optional<String> version = Optional.ofNullable(s.get("version")).filter(v -> !v.isBlank());
        Optional<String> slot = Optional.ofNullable(s.get("slot")).filter(v -> !v.isBlank());
        String message = s.getOrDefault("message", "");
        Optional<Instant> written = modified(file);
        String state = s.getOrDefault("state", "").toLowerCase(Locale.ROOT);
        Phase phase = switch (state) {
            case "writing" -> Phase.WRITING;
            case "ready" -> written.isPresent() && written.get().isBefore(BootTime.current()) ? Phase.RESTARTED
                    : Phase.READY;
            case "failed" -> Phase.FAILED;
            default -> Phase.UNREADABLE;
        };
        if (phase == Phase.UNREADABLE) {
            message = state.isEmpty() ? "The update status " + file + " has no state= line"
                    : "The update status says state=" + state + ", which this appliance does not know";
        }
        return new UpdateStatus(phase, version, slot, message, written);
    }

    private static Optional<Instant> modified(Path file) {
        try {
            return Optional.of(Files.getLastModifiedTime(file).toInstant());
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
