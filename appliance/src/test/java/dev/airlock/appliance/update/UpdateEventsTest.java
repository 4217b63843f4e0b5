package dev.airlock.appliance.update;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.appliance.audit.AuditEvent.Row;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Each update event renders the very row the service wrote by hand before (golden strings). */
class UpdateEventsTest {
    private static final String SHA = "ab".repeat(32);
    private static final UpdateManifest MANIFEST = new UpdateManifest(ImageVersion.parse("2026.12.01.3"),
            "airlock-2026.12.01.3.squashfs", 734003200L, SHA, Instant.parse("2026-12-01T10:00:00Z"));

    @Test
    void staged_rendersManifestImageAndRunningVersion() {
        assertThat(new UpdateEvents.UpdateStaged(MANIFEST, Path.of("/media/STICK/AIRLOCK/update/"
                + "airlock-2026.12.01.3.update"), ImageVersion.parse("2026.11.20.1"), false).row())
                .isEqualTo(new Row("update.stage", "update 2026.12.01.3",
                        "from /media/STICK/AIRLOCK/update/airlock-2026.12.01.3.update; image"
                                + " airlock-2026.12.01.3.squashfs, 734003200 bytes, sha256 " + SHA
                                + "; built 2026-12-01T10:00:00Z; running 2026.11.20.1"));
    }

    @Test
    void staged_notNewer_saysItWasInstalledOnPurpose() {
        assertThat(new UpdateEvents.UpdateStaged(MANIFEST, Path.of("m.update"), ImageVersion.parse("2026.12.01.3"),
                true).row().details())
                .endsWith("; running 2026.12.01.3; the same or an older version, installed on purpose");
    }

    @Test
    void restarted_rendersSlotAndRunningVersion() {
        assertThat(new UpdateEvents.UpdateRestarted(ImageVersion.parse("2026.12.01.3"), Optional.of("b"),
                ImageVersion.parse("2026.11.20.1")).row())
                .isEqualTo(new Row("update.restart", "update 2026.12.01.3",
                        "restart into slot b; running 2026.11.20.1"));
    }

    @Test
    void restarted_withoutSlot_showsAQuestionMark() {
        assertThat(new UpdateEvents.UpdateRestarted(ImageVersion.parse("2026.12.01.3"), Optional.empty(),
                ImageVersion.parse("2026.11.20.1")).row().details())
                .isEqualTo("restart into slot ?; running 2026.11.20.1");
    }
}
