package dev.airlock.kiosk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KioskApplicationTest {
    @TempDir
    Path data;

    @Test
    void springArgs_mapsTheCliFlags() {
        assertThat(KioskApplication.springArgs(new String[] {"--data", "/d", "--port=9000",
            "--logging.level.root=DEBUG"}))
                .containsExactly("--airlock.data=/d", "--server.port=9000", "--logging.level.root=DEBUG");
    }

    @Test
    void springArgs_help_isAskedFor_beforeAnythingStarts() {
        assertThatThrownBy(() -> KioskApplication.springArgs(new String[] {"--data", "/d", "--help"}))
                .isInstanceOf(KioskApplication.HelpRequested.class);
        assertThatThrownBy(() -> KioskApplication.springArgs(new String[] {"-h"}))
                .isInstanceOf(KioskApplication.HelpRequested.class);
        assertThat(KioskApplication.USAGE).contains("--data DIR", "--port N", "--help");
    }

    @Test
    void springArgs_mistypedOption_isRefusedWithItsName() {
        assertThatThrownBy(() -> KioskApplication.springArgs(new String[] {"--prot", "8081"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'--prot'")
                .hasMessageContaining("--data DIR and --port N");
        assertThatThrownBy(() -> KioskApplication.springArgs(new String[] {"--prot=8081"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'--prot=8081'");
        assertThatThrownBy(() -> KioskApplication.springArgs(new String[] {"--port"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("--port needs a value");
    }

    @Test
    void printReady_saysTheAddressThenReady() {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        KioskApplication.printReady(new java.io.PrintStream(bytes, true, java.nio.charset.StandardCharsets.UTF_8),
                "http://127.0.0.1:8080/", "/tmp/lab", 2345);
        assertThat(bytes.toString(java.nio.charset.StandardCharsets.UTF_8).lines().toList())
                .satisfiesExactly(l -> assertThat(l).isEqualTo("Airlock kiosk: http://127.0.0.1:8080/  (data dir /tmp/lab)"),
                        l -> assertThat(l).startsWith("Airlock kiosk: ready in 2.3 s."));
    }

    @Test
    void port_flagWins_thenServerPort_thenTheKioskPortSetting_thenItsDefault() throws Exception {
        String[] dataArg = {"--airlock.data=" + data};
        assertThat(KioskApplication.withPort(new String[] {"--airlock.data=" + data, "--server.port=9001"},
                Map.of("SERVER_PORT", "9002"))).containsOnlyOnce("--server.port=9001").hasSize(2);
        assertThat(KioskApplication.withPort(dataArg, Map.of("SERVER_PORT", "9002")))
                .doesNotContain("--server.port=8080").hasSize(1);
        assertThat(KioskApplication.withPort(dataArg, Map.of())).contains("--server.port=8080");
        Files.writeString(data.resolve("airlock.conf"), "kiosk.port=8181\\n");
        assertThat(KioskApplication.withPort(dataArg, Map.of())).contains("--server.port=8181");
        assertThat(KioskApplication.withPort(dataArg, Map.of("AIRLOCK_KIOSK_PORT", "8282")))
                .contains("--server.port=8282");
    }

    @Test
    void holdDataDir_takesTheDataDirForTheKiosk_andASecondKioskIsRefusedNamingIt() {
        String[] args = {"--airlock.data=" + data};
        try (var first = KioskApplication.holdDataDir(args, Map.of())) {
            assertThat(first.holder().what()).isEqualTo("kiosk");
            assertThatThrownBy(() -> KioskApplication.holdDataDir(args, Map.of()))
                    .isInstanceOf(dev.airlock.appliance.support.DataDirInUseException.class)
                    .hasMessageContaining("is in use by another Airlock (pid " + ProcessHandle.current().pid())
                    .hasMessageContaining(", kiosk). Stop it first, or use another --data.");
        }
        KioskApplication.holdDataDir(args, Map.of()).close(); // free again once the first let go
    }
}
