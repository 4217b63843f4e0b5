package dev.airlock.appliance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.appliance.testing.Samples;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code demo} and {@code demo apply} in-process, as typed. */
class DemoCommandTest {
    @TempDir
    Path tmp;

    private CliRun run(String... args) {
        return CliRun.run(Map.of(), "", args);
    }

    @Test
    void demo_sameSeedTwice_writesByteIdenticalFiles() throws Exception {
        assertThat(run("demo", "--machines", "4", "--seed", "7", "--to", tmp.resolve("a").toString()).exit()).isZero();
        assertThat(run("demo", "--machines", "4", "--seed", "7", "--to", tmp.resolve("b").toString()).exit()).isZero();

        List<Path> a = files(tmp.resolve("a/AIRLOCK/collected"));
        assertThat(a).hasSize(4);
        for (Path f : a) {
            Path other = tmp.resolve("b/AIRLOCK/collected").resolve(f.getFileName());
            assertThat(Files.readAllBytes(other)).as(f.getFileName().toString()).isEqualTo(Files.readAllBytes(f));
            assertThat(Files.readString(f)).contains("<Collected>2026-11-02T07:");
        }
    }

    @Test
    void demo_withNow_datesTheFilesByTheClock() throws Exception {
        assertThat(run("demo", "--machines", "1", "--now", "--to", tmp.toString()).exit()).isZero();

        String text = Files.readString(files(tmp.resolve("AIRLOCK/collected")).get(0));
        assertThat(text).contains("<Collected>2025-03-04T05:05:07"); // Samples.CLOCK, less a minute
    }

    @Test
    void demo_withoutTo_isAUsageError() {
        CliRun r = run("demo", "--machines", "3");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("Missing required option: '--to=DIR'");
    }

    @Test
    void demoApply_onAStickWithoutAKit_exits1AndSaysHowToWriteOne() throws Exception {
        assertThat(run("demo", "--machines", "2", "--to", tmp.toString()).exit()).isZero();

        CliRun r = run("demo", "apply", "--stick", tmp.toString());

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("There is no activation kit on " + tmp).contains("activation-kit --to");
        assertThat(tmp.resolve("AIRLOCK/results")).doesNotExist();
    }

    @Test
    void demoApply_answersHelp() {
        CliRun r = run("demo", "apply", "--help");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("--stick=DIR").contains("made-up result files");
    }

    private static List<Path> files(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }
}
