package dev.airlock.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Frames of two bundles mixed in every order, given to the built CLI's {@code qr decode}: a stray
 * frame with a valid CRC first, the two sets interleaved, both whole one after the other, one whole
 * and one partial (either first). Every complete set is written; an incomplete one is named with
 * its bundle id and what is missing; exit 0 only when every set given was complete and written.
 * Two key cards are the bundles (they carry their own key, so no store is needed).
 */
class MixedQrSetsTest {
    @TempDir
    static Path tmp;
    static List<String> a;
    static List<String> b;

    @BeforeAll
    static void twoBundles() throws Exception {
        a = frames("lab-a", "Lab A");
        b = frames("lab-b", "Lab B");
        assertThat(a).as("bundle A needs several frames at version 3").hasSizeGreaterThan(2);
        assertThat(b).hasSizeGreaterThan(2);
        assertThat(id(a)).isNotEqualTo(id(b));
    }

    private static List<String> frames(String name, String label) throws Exception {
        Path data = tmp.resolve(name);
        Journey.ok(Cli.airlock(data, "init", "--role", "lab", "--name", label));
        Journey.ok(Cli.airlock(data, "key", "card", "--to", tmp.resolve(name + "-card").toString(), "--label", label));
        Path card = Journey.only(tmp.resolve(name + "-card"), ".xml");
        Path qr = tmp.resolve(name + "-qr");
        // a small QR version, so a key card takes several frames
        Journey.ok(Cli.airlock(null, "qr", "encode", card.toString(), "--to", qr.toString(), "--qr-version", "3"));
        return Files.readAllLines(qr.resolve("frames.txt"), StandardCharsets.US_ASCII).stream()
                .filter(l -> !l.isBlank()).toList();
    }

    private static String id(List<String> frames) {
        return frames.getFirst().substring(1, 7);
    }

    /** One order of scans, and which bundles must come out whole. */
    record Order(String name, List<String> scans, boolean aWritten, boolean bWritten) {}

    private static List<Order> orders() {
        List<String> interleaved = new ArrayList<>();
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            if (i < a.size()) {
                interleaved.add(a.get(i));
            }
            if (i < b.size()) {
                interleaved.add(b.get(i));
            }
        }
        return List.of(
                new Order("a stray frame of B first, then all of A", concat(List.of(b.get(1)), a), true, false),
                new Order("all of A, then a stray frame of B", concat(a, List.of(b.getLast())), true, false),
                new Order("A and B interleaved", interleaved, true, true),
                new Order("A whole, then B whole", concat(a, b), true, true),
                new Order("B whole, then A reversed", concat(b, a.reversed()), true, true),
                new Order("A whole, B missing its last frame", concat(a, b.subList(0, b.size() - 1)), true, false),
                new Order("B partial first, then A whole", concat(b.subList(1, b.size()), a), true, false),
                new Order("A partial, B partial", concat(a.subList(1, a.size()), b.subList(1, b.size())), false,
                        false));
    }

    @TestFactory
    Stream<DynamicTest> framesOfTwoBundlesInAnyOrder_eachCompleteSetIsWritten_andTheOthersAreNamed() {
        return orders().stream().map(o -> DynamicTest.dynamicTest(o.name(), () -> {
            Path dir = tmp.resolve("case-" + o.name().replaceAll("\\W+", "-"));
            Path in = Files.createDirectories(dir).resolve("scanned.txt");
            Files.write(in, o.scans(), StandardCharsets.US_ASCII);
            Path out = dir.resolve("out");

            Cli.Run run = Cli.airlock(null, "qr", "decode", "--to", out.toString(), in.toString());

            int written = (o.aWritten() ? 1 : 0) + (o.bWritten() ? 1 : 0);
            List<Path> files = List.of();
            if (Files.exists(out)) {
                try (Stream<Path> listed = Files.list(out)) {
                    files = listed.toList();
                }
            }
            assertThat(files).as(run.all()).hasSize(written);
            assertThat(run.all()).doesNotContain("Exception");
            if (o.aWritten() && o.bWritten()) {
                assertThat(run.exit()).as(run.all()).isZero();
                assertThat(run.out()).contains("Wrote keycard bundle");
                return;
            }
            assertThat(run.exit()).as(run.all()).isEqualTo(1);
            assertThat(run.err()).contains(written + " of 2 bundles written");
            for (var set : List.of(new Object[] {a, o.aWritten()}, new Object[] {b, o.bWritten()})) {
                @SuppressWarnings("unchecked")
                List<String> frames = (List<String>) set[0];
                if (!(Boolean) set[1]) {
                    assertThat(run.err()).containsPattern("\\d+ of " + frames.size() + " frames of bundle "
                            + id(frames) + " \\(missing [0-9, ]+(and \\d+ more)?\\): incomplete, not written");
                }
            }
        }));
    }

    private static List<String> concat(List<String> x, List<String> y) {
        List<String> all = new ArrayList<>(x);
        all.addAll(y);
        return all;
    }
}
