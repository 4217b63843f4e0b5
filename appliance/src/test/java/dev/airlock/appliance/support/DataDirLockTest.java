package dev.airlock.appliance.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one-writer lock of a data dir, within one process (two real processes: tests/SingleWriterTest). */
class DataDirLockTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T11:02:13Z"), ZoneOffset.UTC);

    @TempDir
    Path tmp;

    @Test
    void acquire_writesWhoHoldsIt_andASecondAcquireIsRefusedNamingTheFirst() throws Exception {
        Path data = tmp.resolve("data");
        try (DataDirLock first = DataDirLock.acquire(data, "kiosk", CLOCK)) {
            String content = Files.readString(data.resolve(DataDirLock.FILE_NAME), StandardCharsets.UTF_8);
            assertThat(content).contains("pid=" + ProcessHandle.current().pid()).contains("since=2026-12-01T11:02:13Z")
                    .contains("holder=kiosk");
            assertThat(first.holder().what()).isEqualTo("kiosk");
            assertThatThrownBy(() -> DataDirLock.acquire(data, "airlock add", CLOCK))
                    .isInstanceOf(DataDirInUseException.class)
                    .hasMessageStartingWith("The data dir " + data + " is in use by another Airlock (pid "
                            + ProcessHandle.current().pid() + ", since ")
                    .hasMessageContaining(", kiosk). Stop it first, or use another --data.");
        }
    }

    @Test
    void close_letsTheNextOneIn_andClearsTheFile() throws Exception {
        Path data = tmp.resolve("data");
        DataDirLock.acquire(data, "airlock export", CLOCK).close();
        assertThat(Files.readString(data.resolve(DataDirLock.FILE_NAME))).isEmpty();
        try (DataDirLock again = DataDirLock.acquire(data, "airlock import", CLOCK)) {
            assertThat(again.holder().what()).isEqualTo("airlock import");
        }
    }

    @Test
    void aFileLeftByAKilledProcess_neverBlocks() throws Exception {
        Path data = Files.createDirectories(tmp.resolve("data"));
        // What a kiosk killed with kill -9 leaves behind: its content, but no lock (the OS dropped it).
        Files.writeString(data.resolve(DataDirLock.FILE_NAME), "pid=999999\nsince=2026-11-30T08:00:00Z\nholder=kiosk\n");
        try (DataDirLock lock = DataDirLock.acquire(data, "airlock intake", CLOCK)) {
            assertThat(Files.readString(data.resolve(DataDirLock.FILE_NAME)))
                    .contains("holder=airlock intake").doesNotContain("999999");
        }
    }

    @Test
    void acquire_makesAMissingDataDir() {
        Path data = tmp.resolve("new/data");
        try (DataDirLock lock = DataDirLock.acquire(data, "airlock init", CLOCK)) {
            assertThat(data.resolve(DataDirLock.FILE_NAME)).isRegularFile();
        }
    }

    @Test
    void holderLine_readsBack_andGarbageIsNoHolder() {
        DataDirLock.Holder h = new DataDirLock.Holder(1234, Instant.parse("2026-12-01T11:02:13Z"), "kiosk");
        assertThat(DataDirLock.Holder.decode(h.encode())).contains(h);
        assertThat(DataDirLock.Holder.decode("")).isEmpty();
        assertThat(DataDirLock.Holder.decode("pid=x\nsince=yesterday\nholder=kiosk")).isEmpty();
    }
}
