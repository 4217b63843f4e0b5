package dev.airlock.appliance.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativeSqliteTest {

    @TempDir
    Path tmp;

    @Test
    void theFolderOfAnEndedProcess_isRemoved_andARunningOnesIsKept() throws Exception {
        Process ended = new ProcessBuilder("true").start();
        ended.waitFor();
        Path dead = Files.createDirectories(tmp.resolve(NativeSqlite.PREFIX + ended.pid() + "-123"));
        Files.writeString(dead.resolve("sqlite-3-x-libsqlitejdbc.so"), "left by a kill -9");
        Path alive = Files.createDirectories(tmp.resolve(NativeSqlite.PREFIX + ProcessHandle.current().pid() + "-456"));
        Path foreign = Files.createDirectories(tmp.resolve(NativeSqlite.PREFIX + "not-a-pid"));

        NativeSqlite.removeLeftovers(tmp);

        assertThat(dead).doesNotExist();
        assertThat(alive).isDirectory();
        assertThat(foreign).isDirectory();
    }

    @Test
    void aStore_unpacksSqliteIntoAFolderOfThisProcess() {
        try (Store store = Store.create(tmp.resolve("data"), StoreTest.INFO, (s, tx) -> { })) {
            Path own = Path.of(System.getProperty("org.sqlite.tmpdir"));
            assertThat(own.getFileName().toString()).startsWith(NativeSqlite.PREFIX + ProcessHandle.current().pid() + "-");
            assertThat(own).isDirectory();
        }
    }
}
