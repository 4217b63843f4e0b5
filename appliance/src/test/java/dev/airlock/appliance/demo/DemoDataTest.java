package dev.airlock.appliance.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.formats.ids.ConfirmationId;
import dev.airlock.formats.ids.GroupCheck;
import dev.airlock.formats.kit.CollectorRecord;
import dev.airlock.formats.kit.CollectorRecordReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    @Test
    void epids_shareOneMakPrefixPerProduct_andDifferOnlyInTheInstallDate() throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);
        CollectorRecordReader reader = new CollectorRecordReader();
        Map<String, Set<String>> prefixes = new HashMap<>();
        Set<String> dates = new HashSet<>();
        try (Stream<Path> s = Files.list(new DemoData(clock).write(200, dir, 11, n -> { }))) {
            for (Path f : s.toList()) {
                for (var p : reader.read(f).products()) {
                    String epid = p.epid().toString();
                    int dash = epid.lastIndexOf('-');
                    prefixes.computeIfAbsent(p.skuId().toString(), k -> new HashSet<>()).add(epid.substring(0, dash));
                    String date = epid.substring(dash + 1);
                    assertThat(Integer.parseInt(date.substring(0, 3))).isBetween(1, 366);
                    assertThat(Integer.parseInt(date.substring(3))).isBetween(2020, 2026);
                    dates.add(date);
                }
            }
        }
        assertThat(prefixes).isNotEmpty().allSatisfy((sku, p) -> assertThat(p).as(sku).hasSize(1));
        assertThat(prefixes.values().stream().map(p -> p.iterator().next()))
                .allMatch(p -> p.contains("-03-1033-")).doesNotHaveDuplicates();
        assertThat(dates).hasSizeGreaterThan(100);
    }

    @Test
    void demoIids_andStandInCids_passTheGroupCheck() throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);
        CollectorRecordReader reader = new CollectorRecordReader();
        int iid54 = 0;
        try (Stream<Path> s = Files.list(new DemoData(clock).write(100, dir, 7, n -> { }))) {
            for (Path f : s.toList()) {
                for (var p : reader.read(f).products()) {
                    assertThat(p.iid().groupCheck()).as(p.iid().toString()).isEqualTo(new GroupCheck.Result.Fits());
                    iid54 += p.iid().groupSize() == 6 ? 1 : 0;
                    ConfirmationId cid = ConfirmationId.parse(StandInActivationService.cidFor(p.iid().digits()));
                    assertThat(cid.groupCheck()).as(cid.toString()).isEqualTo(new GroupCheck.Result.Fits());
                }
            }
        }
        assertThat(iid54).as("54-digit IIDs made up too").isPositive();
    }

    @Test
    void sameSeed_sameFiles() throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);
        Path a = new DemoData(clock).write(20, dir.resolve("a"), 5, n -> { });
        Path b = new DemoData(clock).write(20, dir.resolve("b"), 5, n -> { });
        List<Path> names;
        try (Stream<Path> s = Files.list(a)) {
            names = s.map(Path::getFileName).sorted().toList();
        }
        try (Stream<Path> s = Files.list(b)) {
            assertThat(s.map(Path::getFileName).sorted().toList()).isEqualTo(names);
        }
        for (Path name : names) {
            assertThat(Files.readAllBytes(b.resolve(name))).as(name.toString()).isEqualTo(Files.readAllBytes(a.resolve(name)));
        }
    }
}
