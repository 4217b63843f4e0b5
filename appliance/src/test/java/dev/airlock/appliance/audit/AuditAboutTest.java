package dev.airlock.appliance.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.appliance.Appliance;
import dev.airlock.appliance.testing.Samples;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Audit rows about a set of subjects (a machine and its products), for the machine detail screen. */
class AuditAboutTest {
    @TempDir
    Path tmp;

    @Test
    void about_returnsOnlyRowsOfThoseSubjectsNewestFirst() {
        Appliance app = Samples.initLab(tmp.resolve("data"));
        for (int n = 1; n <= 3; n++) {
            app.inventory().addManual(Samples.manualEntry(n), Samples.TECHNICIAN);
        }
        List<AuditEntry> rows = app.audit().about(List.of("machine 1", "machine 3"), 10);
        assertThat(rows).extracting(AuditEntry::subject).containsExactly("machine 3", "machine 1");
        assertThat(rows).allSatisfy(r -> assertThat(r.action()).isEqualTo("machine.added"));
        assertThat(app.audit().about(List.of(), 10)).isEmpty();
        assertThat(app.audit().about(List.of("machine 1", "machine 2", "machine 3"), 2)).hasSize(2);
    }
}
