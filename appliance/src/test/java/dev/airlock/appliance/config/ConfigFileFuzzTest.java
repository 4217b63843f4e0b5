package dev.airlock.appliance.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.airlock.formats.fuzz.FuzzContract;
import dev.airlock.formats.outside.OutsideText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Fuzz target: the data dir's settings file. Whatever it holds, loading never throws, every
 * effective value is one its setting accepts, and each warning is one plain line.
 */
class ConfigFileFuzzTest {
    private static final Path DIR;

    static {
        try {
            DIR = Files.createTempDirectory("airlock-config-fuzz");
            DIR.toFile().deleteOnExit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FuzzTest
    void configFile(byte[] data) throws IOException {
        Path file = DIR.resolve(Settings.FILE_NAME);
        Files.write(file, data);
        try {
            Settings settings = Settings.load(DIR, Map.of(), Map.of());
            for (Settings.Value v : settings.all()) {
                assertThat(v.setting().accepts(v.value())).as(v.setting().key()).isTrue();
            }
            String input = new String(data, java.nio.charset.StandardCharsets.ISO_8859_1);
            for (String w : settings.warnings()) {
                FuzzContract.checkMessage(w, input, null);
                assertThat(OutsideText.problem(w)).as("warning %s", OutsideText.shown(w)).isEmpty();
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
