package dev.airlock.appliance.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.formats.kit.CollectorRecord;
import dev.airlock.formats.kit.CollectorRecordReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoDataTest {
    @TempDir
    Path dir;

    @Test
    void write_producesValidClearlyFakeRecords() throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);
        Path out = new DemoData(clock).write(50, dir, 3, n -> { });
        CollectorRecordReader reader = new CollectorRecordReader();
        List<Path> files;
        try (Stream<Path> s = Files.list(out)) {
            files = s.sorted().toList();
        }
        assertThat(files).hasSize(50);
        int products = 0;
        for (Path f : files) {
            CollectorRecord r = reader.read(f);
            assertThat(r.machine().hostName()).startsWith("DEMO-LAB-");
            assertThat(r.machine().fqdn()).endsWith(".demo.invalid");
            assertThat(r.machine().ipAddresses()).allMatch(ip -> ip.startsWith("192.0.2.") || ip.startsWith("2001:db8:"));
            assertThat(r.machine().hasUsableUuid()).isTrue();
            assertThat(r.products()).isNotEmpty();
            products += r.products().size();
        }
        assertThat(products).isBetween(60, 110);
    }
}
