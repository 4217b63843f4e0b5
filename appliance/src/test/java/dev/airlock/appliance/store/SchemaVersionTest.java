package dev.airlock.appliance.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SchemaVersionTest {
    @Test
    void schemaVersion_equalsTheNewestMigrationFile() throws IOException, URISyntaxException {
        Path dir = Path.of(Store.class.getResource("/db/migration").toURI());
        Pattern name = Pattern.compile("V(\\d+)__.+\\.sql");
        int newest;
        try (Stream<Path> files = Files.list(dir)) {
            newest = files.map(p -> name.matcher(p.getFileName().toString())).filter(Matcher::matches)
                    .mapToInt(m -> Integer.parseInt(m.group(1))).max().orElse(0);
        }
        assertThat(Store.SCHEMA_VERSION)
                .as("Store.SCHEMA_VERSION must name the newest migration, or new migrations would be skipped")
                .isEqualTo(newest);
    }
}
