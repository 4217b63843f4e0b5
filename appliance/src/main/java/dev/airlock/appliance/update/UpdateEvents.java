package dev.airlock.appliance.update;

import dev.airlock.appliance.audit.AuditEvent;
import java.nio.file.Path;
import java.util.Optional;

/** What the audit log records about appliance updates: one staged, and the restart into it. */
sealed interface UpdateEvents extends AuditEvent {
    /**
     * A verified update staged for the system's helper, from {@code manifestFile}, while {@code running}
     * runs; {@code notNewer} when a supervisor reinstalls the same or an older version on purpose.
     */
    record UpdateStaged(UpdateManifest manifest, Path manifestFile, ImageVersion running, boolean notNewer)
            implements UpdateEvents {
        @Override
        public Row row() {
            return new Row("update.stage", "update " + manifest.version(), "from " + manifestFile + "; image "
                    + manifest.image() + ", " + manifest.size() + " bytes, sha256 " + manifest.sha256() + "; built "
                    + manifest.built() + "; running " + running
                    + (notNewer ? "; the same or an older version, installed on purpose" : ""));
        }
    }

    /** A restart into {@code version}, written to root {@code slot} (empty when the status names none). */
    record UpdateRestarted(ImageVersion version, Optional<String> slot, ImageVersion running) implements UpdateEvents {
        @Override
        public Row row() {
            return new Row("update.restart", "update " + version, "restart into slot " + slot.orElse("?")
                    + "; running " + running);
        }
    }
}
