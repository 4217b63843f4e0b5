package dev.airlock.appliance.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void write_createsFoldersAndLeavesNoTempFiles() throws IOException {
        Path target = dir.resolve("a/b/file.txt");
        AtomicFiles.write(target, "one".getBytes(StandardCharsets.UTF_8));
        assertThat(target).hasContent("one");
        try (Stream<Path> files = Files.list(target.getParent())) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void write_replacesAnEarlierVersionWhole() throws IOException {
        Path target = dir.resolve("file.txt");
        AtomicFiles.write(target, "a much longer first version".getBytes(StandardCharsets.UTF_8));
        AtomicFiles.write(target, "short".getBytes(StandardCharsets.UTF_8), false);
        assertThat(target).hasContent("short");
    }
}
