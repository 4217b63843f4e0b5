package dev.airlock.appliance.cli;

import dev.airlock.appliance.update.ImageVersion;
import dev.airlock.appliance.update.RunningImage;
import dev.airlock.appliance.update.UpdateCheck;
import dev.airlock.appliance.update.UpdateManifest;
import dev.airlock.appliance.update.UpdateStatus;
import java.util.LinkedHashMap;
import java.util.Map;

/** The words of {@code airlock update}: a check's line, the status in a sentence, and their JSON rows. */
final class UpdateWords {
    private UpdateWords() {}

    static String running(RunningImage r) {
        return r instanceof RunningImage.Version v ? "Running version " + v.version() + "."
                : ((RunningImage.NotAnImage) r).reason() + ".";
    }

    /** The status in a sentence. */
    static String words(UpdateStatus s, RunningImage running) {
        String v = s.version().orElse("?");
        String slot = s.slot().map(x -> "system slot " + x).orElse("the spare system slot");
        String said = s.message().isBlank() ? "" : " (" + s.message() + ")";
        return switch (s.phase()) {
            case NONE -> "No update is staged.";
            case REQUESTED -> "Update " + v + " is staged; the system has not started writing it yet.";
            case WRITING -> "Update " + v + " is being written to " + slot + said + ".";
            case READY -> "Update " + v + " is written to " + slot + " and ready: restart into it (systemctl reboot,"
                    + " or Restart in the kiosk).";
            case FAILED -> "Update " + v + " failed" + said + ". The running system is unchanged.";
            case RESTARTED -> running instanceof RunningImage.Version r && s.version().isPresent()
                    && versionEquals(s.version().get(), r.version())
                    ? "Update " + v + " is installed and running."
                    : "Update " + v + " was written, but the appliance runs another version: " + v + " did not start,"
                            + " so it went back to the earlier version by itself.";
            case UNREADABLE -> ended(s.message());
        };
    }

    private static boolean versionEquals(String text, ImageVersion v) {
        try {
            return ImageVersion.parse(text).equals(v);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static String line(UpdateCheck c) {
        String name = c.manifestFile().getFileName().toString();
        if (c instanceof UpdateCheck.Verified v) {
            UpdateManifest m = v.manifest();
            return name + ": version " + m.version() + ", built " + m.built() + ", image " + m.image() + " ("
                    + BackupCommand.size(m.size()) + "): verified"
                    + (v.notNewer() ? ", the same as or older than the running version (installing it was chosen)"
                            : "") + ".";
        }
        UpdateCheck.Refused r = (UpdateCheck.Refused) c;
        return name + ": refused. " + ended(r.message());
    }

    static Map<String, Object> jsonRow(UpdateCheck c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("manifest", c.manifestFile().toString());
        m.put("verified", c instanceof UpdateCheck.Verified);
        if (c instanceof UpdateCheck.Verified v) {
            m.put("version", v.manifest().version().toString());
            m.put("image", v.manifest().image());
            m.put("size", v.manifest().size());
            m.put("sha256", v.manifest().sha256());
            m.put("built", v.manifest().built());
            m.put("notNewer", v.notNewer());
        } else {
            UpdateCheck.Refused r = (UpdateCheck.Refused) c;
            m.put("problem", r.problem().name().toLowerCase(java.util.Locale.ROOT));
            m.put("message", r.message());
        }
        return m;
    }

    /** {@code text} ending in exactly one full stop. */
    static String ended(String text) {
        return text.endsWith(".") ? text : text + ".";
    }
}
