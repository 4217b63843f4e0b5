package dev.airlock.appliance.apply;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.appliance.audit.AuditEvent.Row;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The activation kit's event renders the very row the service wrote by hand before (golden strings). */
class ActivationKitWrittenTest {
    @Test
    void kitWritten_rendersCountsAndGroup() {
        assertThat(new ActivationKitWritten(Path.of("/media/STICK/AIRLOCK/kit"), 2, 5, 1,
                Optional.of("Room 2"), 3).row())
                .isEqualTo(new Row("activation-kit.written", "stick /media/STICK/AIRLOCK/kit",
                        "machines=2; products=5; reused CIDs=1; group=Room 2; removed old files=3"));
    }

    @Test
    void kitWritten_withoutGroup_leavesItOut() {
        assertThat(new ActivationKitWritten(Path.of("kit"), 0, 0, 0, Optional.empty(), 0).row().details())
                .isEqualTo("machines=0; products=0; reused CIDs=0; removed old files=0");
    }
}
