package dev.airlock.appliance.update;

import dev.airlock.appliance.audit.AuditEvent;
import java.nio.file.Path;
import java.util.Optional;

/** What the audit log records about appliance updates: one staged, and the restart into it. */
sealed interface UpdateEvents extends AuditEvent {
    /** The version the update brings. */
    ImageVersion version();

    @Override
    default String subject() {
        return "update " + version();
    }

    /**
     * A verified update staged for the system's helper, from {@code manifestFile}, while {@code running}
     * runs; {@code notNewer} when a supervisor reinstalls the same or an older version on purpose.
     */
    record UpdateStaged(UpdateManifest manifest, Path manifestFile, ImageVersion running, boolean notNewer)
            implements UpdateEvents {
        @Override
        public ImageVersion version() {
            return manifest.version();
        }

        @Override
        public String action() {
            return "update.stage";
        }

        @Override
        public String details() {
            return "from " + manifestFile + "; image " + manifest.image() + ", " + manifest.size() + " bytes, sha256 "
                    + manifest.sha256() + "; built " + manifest.built() + "; running " + running
                    + (notNewer ? "; the same or an older version, installed on purpose" : "");
        }
    }

    /** A restart into {@code version}, written to root {@code slot} (empty when the status names none). */
    record UpdateRestarted(ImageVersion version, Optional<String> slot, ImageVersion running) implements UpdateEvents {
        @Override
        public String action() {
            return "update.restart";
        }

        @Override
        public String details() {
            return "restart into slot " + slot.orElse("?") + "; running " + running;
        }
    }
}
