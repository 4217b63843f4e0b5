package dev.airlock.appliance.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {
    @TempDir
    Path dir;

    @Test
    void load_withNothingSet_givesDefaults() {
        Settings s = Settings.load(dir, Map.of(), Map.of());
        assertThat(s.get(Setting.KIOSK_PORT).value()).isEqualTo("8080");
        assertThat(s.get(Setting.KIOSK_PORT).source()).isEqualTo(Settings.Source.DEFAULT);
        assertThat(s.warnings()).isEmpty();
    }

    @Test
    void load_laterSourcesWin_fileThenEnvironmentThenFlag() throws IOException {
        Settings.set(dir, Setting.QR_VERSION, "20");
        Settings.set(dir, Setting.KIOSK_PORT, "9090");
        Settings.set(dir, Setting.SCANNER_PORT, "/dev/ttyACM3");
        Settings s = Settings.load(dir, Map.of("AIRLOCK_KIOSK_PORT", "9191", "AIRLOCK_SCANNER_PORT", "/dev/ttyUSB0"),
                Map.of("scanner.port", "auto"));
        assertThat(s.get(Setting.QR_VERSION).source()).isEqualTo(Settings.Source.FILE);
        assertThat(s.value(Setting.QR_VERSION)).isEqualTo("20");
        assertThat(s.get(Setting.KIOSK_PORT).source()).isEqualTo(Settings.Source.ENVIRONMENT);
        assertThat(s.get(Setting.KIOSK_PORT).origin()).isEqualTo("AIRLOCK_KIOSK_PORT");
        assertThat(s.value(Setting.KIOSK_PORT)).isEqualTo("9191");
        assertThat(s.get(Setting.SCANNER_PORT).source()).isEqualTo(Settings.Source.FLAG);
    }

    @Test
    void load_withBadValuesInFileOrEnvironment_warnsAndKeepsTheDefault() throws IOException {
        Files.writeString(dir.resolve(Settings.FILE_NAME), "qr.version=33\nno.such.key=1\n");
        Settings s = Settings.load(dir, Map.of("AIRLOCK_KIOSK_PORT", "http"), Map.of());
        assertThat(s.value(Setting.QR_VERSION)).isEqualTo("15");
        assertThat(s.value(Setting.KIOSK_PORT)).isEqualTo("8080");
        assertThat(s.warnings()).hasSize(3).anyMatch(w -> w.contains("unknown setting 'no.such.key'"))
                .anyMatch(w -> w.contains("'33' is not a valid qr.version"));
    }

    @Test
    void load_withBadFlag_throwsNamingTheSetting() {
        assertThatThrownBy(() -> Settings.load(dir, Map.of(), Map.of("qr.frames-per-second", "9")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("qr.frames-per-second=9");
        assertThatThrownBy(() -> Settings.load(dir, Map.of(), Map.of("nope", "1")))
                .hasMessageContaining("unknown setting 'nope'");
    }

    @Test
    void set_keepsOtherEntries_andRejectsInvalidValues() throws IOException {
        Settings.set(dir, Setting.QR_VERSION, "10");
        Settings.set(dir, Setting.GATEWAY_PROXY, "proxy.example:3128");
        assertThatThrownBy(() -> Settings.set(dir, Setting.GATEWAY_ENDPOINT, "ftp://x"))
                .isInstanceOf(IllegalArgumentException.class);
        Settings s = Settings.load(dir, Map.of(), Map.of());
        assertThat(s.value(Setting.QR_VERSION)).isEqualTo("10");
        assertThat(s.value(Setting.GATEWAY_PROXY)).isEqualTo("proxy.example:3128");
    }

    @Test
    void envName_isAirlockPrefixedUpperSnake() {
        assertThat(Setting.KIOSK_IDLE_LOCK_MINUTES.envName()).isEqualTo("AIRLOCK_KIOSK_IDLE_LOCK_MINUTES");
    }
}
