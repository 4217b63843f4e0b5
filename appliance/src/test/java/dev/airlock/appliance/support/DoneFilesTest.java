package dev.airlock.appliance.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DoneFilesTest {
    @TempDir
    Path dir;

    @Test
    void countNotDone_checksEachFileOnce_untilItChanges() throws Exception {
        Files.writeString(dir.resolve("a.xml"), "done");
        Files.writeString(dir.resolve("b.xml"), "open");
        Files.writeString(dir.resolve(".c.xml.tmp"), "half");
        Files.writeString(dir.resolve("notes.txt"), "other");
        Files.createDirectory(dir.resolve("sub.xml"));
        List<String> checked = new ArrayList<>();
        DoneFiles files = new DoneFiles();
        java.util.function.Predicate<Path> isDone = f -> {
            checked.add(f.getFileName().toString());
            try {
                return Files.readString(f).equals("done");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };

        assertThat(files.countNotDone(dir, isDone)).isEqualTo(1);
        assertThat(files.countNotDone(dir, isDone)).isEqualTo(1);
        assertThat(checked).as("a.xml is remembered as done; b.xml is asked again").containsExactlyInAnyOrder(
                "a.xml", "b.xml", "b.xml");

        Files.writeString(dir.resolve("a.xml"), "changed");
        Files.setLastModifiedTime(dir.resolve("a.xml"), FileTime.fromMillis(System.currentTimeMillis() + 60_000));
        assertThat(files.countNotDone(dir, isDone)).as("a changed file is checked again").isEqualTo(2);
    }

    @Test
    void countNotDone_aCheckThatFails_countsTheFile_andAMissingFolderCountsNothing() throws Exception {
        Files.writeString(dir.resolve("bad.xml"), "x");
        assertThat(new DoneFiles().countNotDone(dir, f -> {
            throw new IllegalStateException("unreadable");
        })).isEqualTo(1);
        assertThat(new DoneFiles().countNotDone(dir.resolve("missing"), f -> true)).isZero();
    }
}
