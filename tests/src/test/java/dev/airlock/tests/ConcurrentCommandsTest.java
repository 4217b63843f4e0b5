package dev.airlock.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Commands started at the same moment, as a script or two technicians at two terminals do. They
 * once raced each other to delete sqlite-jdbc's stale native library in the shared temporary
 * folder, and the loser printed a {@code NoSuchFileException} stack trace under its answer.
 */
class ConcurrentCommandsTest {
    private static final int AT_ONCE = 8;

    @TempDir
    Path tmp;

    @Test
    void commandsStartedAtOnce_printOnlyTheirAnswers_andLeaveNoNativeLibraryFolderBehind() throws Exception {
        Path shared = Files.createDirectories(tmp.resolve("tmp"));
        // what an earlier JVM that was killed leaves in the shared folder: a library without its lock
        Path stale = Files.writeString(shared.resolve("sqlite-3.54.1.0-0b1e7d3c-stale-libsqlitejdbc.so"), "stale");
        Process ended = new ProcessBuilder("true").start();
        ended.waitFor();
        Path killedOwn = Files.createDirectories(shared.resolve("airlock-sqlite-" + ended.pid() + "-1"));
        Files.writeString(killedOwn.resolve("sqlite-3.54.1.0-1-libsqlitejdbc.so"), "left by kill -9");
        Path data = tmp.resolve("data");
        Journey.ok(Cli.airlock(data, "init", "--role", "lab", "--name", "Lab 1"));

        ExecutorService pool = Executors.newFixedThreadPool(AT_ONCE);
        try {
            for (int round = 0; round < 3; round++) {
                List<Future<Cli.Run>> runs = new ArrayList<>();
                for (int i = 0; i < AT_ONCE; i++) { // readers: they run side by side on one data dir
                    List<String> cmd = Cli.command(data, "status");
                    cmd.add(1, "-Djava.io.tmpdir=" + shared);
                    runs.add(pool.submit(() -> Cli.run(cmd, Map.of(), null)));
                }
                for (Future<Cli.Run> f : runs) {
                    Cli.Run run = f.get();
                    assertThat(run.exit()).as(run.all()).isZero();
                    assertThat(run.err()).as("nothing but the answer: " + run.all()).isEmpty();
                }
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(stale).as("another program's leftovers in the shared folder are not Airlock's to delete").exists();
        try (Stream<Path> left = Files.list(shared)) {
            assertThat(left.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("airlock-sqlite-")))
                    .as("each command's own folder goes at its exit, a killed one's at the next start").isEmpty();
        }
    }
}
