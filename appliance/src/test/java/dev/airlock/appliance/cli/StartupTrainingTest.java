package dev.airlock.appliance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.appliance.devices.StickLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartupTrainingTest {
    @TempDir
    Path tmp;

    @Test
    void everyTrainingCommand_stillRunsAsWritten_andTheRequestItExportsIsVerified() throws Exception {
        // the launcher's class-data archive is only as good as this run: a renamed command or
        // option would quietly leave its classes out, so every line must succeed
        Path work = tmp.resolve("work");

        assertThat(StartupTraining.train(work)).isZero();

        try (Stream<Path> requests = Files.list(StickLayout.Folder.OUTBOUND.on(work.resolve("transfer")))) {
            assertThat(requests.map(p -> p.getFileName().toString()))
                    .singleElement().asString().startsWith("airlock-request-").endsWith(".xml");
        }
        assertThat(work.resolve("gateway/airlock.db")).exists();
    }
}
