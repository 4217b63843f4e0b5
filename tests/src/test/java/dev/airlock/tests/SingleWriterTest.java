package dev.airlock.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.airlock.tests.kiosk.KioskProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One data dir, one writer, with real processes: while a writing command or a kiosk holds the
 * data dir, a second writer (command or kiosk) says who holds it (pid, since when) and exits 1;
 * readers still run; after {@code kill -9} of the holder the next writer runs.
 */
class SingleWriterTest {
    /** Made-up key in the MAK alphabet, not a real product key. */
    private static final String KEY = "BCDFG-HJKMP-QRTVW-XY234-6789B";

    @TempDir
    Path tmp;

    private Path initLab() throws Exception {
        Path data = tmp.resolve("data");
        Cli.Run init = Cli.airlock(data, "init", "--role", "lab", "--name", "Lab 3 kiosk");
        assertThat(init.exit()).as(init.all()).isZero();
        return data;
    }

    @Test
    void aWritingCommand_holdsTheDataDir_aSecondCommandAndAKioskAreRefusedWithPidAndTime_andKill9FreesIt() throws Exception {
        Path data = initLab();
        // mak add takes the data dir, then waits for the key on stdin: a long-running writer.
        List<String> cmd = new ArrayList<>(Cli.command(data, "mak", "add"));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("holder.log").toFile());
        pb.environment().remove("AIRLOCK_DATA");
        pb.environment().put("AIRLOCK_PASSPHRASE", Cli.PASSPHRASE);
        Process holder = pb.start(); // stdin is a pipe nobody writes to
        try {
            awaitHolder(data, "holder=airlock mak add", holder);

            Cli.Run second = Cli.airlockWithStdin(data, KEY + "\n", "mak", "add");
            assertThat(second.exit()).as(second.all()).isEqualTo(1);
            assertThat(second.err()).contains("The data dir " + data + " is in use by another Airlock (pid "
                    + holder.pid() + ", since ").contains(", airlock mak add). Stop it first, or use another --data.")
                    .containsPattern("since \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d, ");
            Cli.Run status = Cli.airlock(data, "status");
            assertThat(status.exit()).as("a reader runs beside the writer: " + status.all()).isZero();
            Path media = Files.createDirectories(tmp.resolve("media"));
            assertThatThrownBy(() -> KioskProcess.start(KioskProcess.Options.of(data).env("AIRLOCK_MEDIA_ROOTS",
                    media.toString()), tmp.resolve("kiosk.log")).close())
                    .as("a kiosk does not start on a data dir a command holds")
                    .hasMessageContaining("the kiosk exited with 1")
                    .hasMessageContaining("is in use by another Airlock (pid " + holder.pid() + ", since ")
                    .hasMessageContaining(", airlock mak add). Stop it first, or use another --data.");

            holder.destroyForcibly(); // kill -9
            assertThat(holder.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(Files.readString(data.resolve("airlock.lock"))).as("the killed holder's note is left")
                    .contains("pid=" + holder.pid());
            Cli.Run next = Cli.airlockWithStdin(data, KEY + "\n", "mak", "add");
            assertThat(next.exit()).as(next.all()).isZero();
            assertThat(next.out()).contains("Added MAK 1");
        } finally {
            holder.destroyForcibly();
        }
    }

    @Test
    void aKiosk_holdsTheDataDir_aCommandAndASecondKioskAreRefused_andKill9FreesIt() throws Exception {
        Path data = initLab();
        Path media = Files.createDirectories(tmp.resolve("media"));
        KioskProcess kiosk = KioskProcess.start(KioskProcess.Options.of(data).env("AIRLOCK_MEDIA_ROOTS",
                media.toString()), tmp.resolve("kiosk.log"));
        try {
            assertThat(Files.readString(data.resolve("airlock.lock"))).contains("pid=" + kiosk.pid())
                    .contains("holder=kiosk");

            Cli.Run command = Cli.airlockWithStdin(data, KEY + "\n", "mak", "add");
            assertThat(command.exit()).as(command.all()).isEqualTo(1);
            assertThat(command.err()).contains("is in use by another Airlock (pid " + kiosk.pid() + ", since ")
                    .contains(", kiosk). Stop it first, or use another --data.");
            Cli.Run list = Cli.airlock(data, "mak", "list");
            assertThat(list.exit()).as("a reader runs beside the kiosk: " + list.all()).isZero();
            assertThat(list.out()).contains("0 MAKs");

            Path secondLog = tmp.resolve("kiosk2.log");
            assertThatThrownBy(() -> KioskProcess.start(KioskProcess.Options.of(data).env("AIRLOCK_MEDIA_ROOTS",
                    media.toString()), secondLog).close())
                    .hasMessageContaining("the kiosk exited with 1")
                    .hasMessageContaining("is in use by another Airlock (pid " + kiosk.pid() + ", since ");
            assertThat(Files.readString(secondLog)).doesNotContain("Exception").doesNotContain("\tat ");
            assertThat(kiosk.url("/")).isNotNull();

            kiosk.kill(); // kill -9
            Cli.Run next = Cli.airlockWithStdin(data, KEY + "\n", "mak", "add");
            assertThat(next.exit()).as(next.all()).isZero();
        } finally {
            kiosk.close();
        }
    }

    private static void awaitHolder(Path data, String marker, Process holder) throws Exception {
        Path lock = data.resolve("airlock.lock");
        Await.until("the holder to take the data dir", Duration.ofSeconds(60), () -> {
            if (!holder.isAlive()) {
                throw new IllegalStateException("the holder exited with " + holder.exitValue());
            }
            return Files.exists(lock) && Files.readString(lock, StandardCharsets.UTF_8).contains(marker);
        });
    }
}
