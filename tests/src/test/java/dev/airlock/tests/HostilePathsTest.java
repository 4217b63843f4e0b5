package dev.airlock.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Special files and bad paths, given to the built CLI: every kind of thing that is not a regular
 * file (a FIFO, a socket, a device, a link out of the stick, a dangling link, a folder, nothing)
 * handed to every command that reads a file, every kind of wrong folder handed to every command
 * that writes one, and damaged or oversized images to {@code qr decode}. Generated as the product
 * of those lists. Each run must end within 30 s (a FIFO once hung {@code import} forever), exit 1,
 * say what is wrong in words, and name no Java class.
 */
class HostilePathsTest {
    private static final Duration LIMIT = Duration.ofSeconds(30);
    private static final Pattern JAVA_CLASS = Pattern.compile(
            "\\b[A-Z][A-Za-z]+(Exception|Error)\\b|\\bjava\\.[a-z]+\\.|\\bdev\\.airlock\\.|internal error");
    private static final String FINGERPRINT = "12345 12345 12345 12345 12345 12345";

    @TempDir
    static Path tmp;
    static Path lab;
    static Path gw;
    static Path outside;
    private static final List<ServerSocketChannel> SOCKETS = new ArrayList<>();

    @BeforeAll
    static void appliances() throws Exception {
        lab = tmp.resolve("lab");
        gw = tmp.resolve("gw");
        Journey.ok(Cli.airlock(lab, "init", "--role", "lab", "--name", "Hostile lab"));
        Journey.ok(Cli.airlock(gw, "init", "--role", "gateway", "--name", "Hostile gateway"));
        // a plausible file outside any stick, that a link on the stick points at
        outside = Files.writeString(Files.createDirectories(tmp.resolve("elsewhere")).resolve("secret.xml"),
                "<not-yours/>");
    }

    @AfterAll
    static void closeSockets() throws IOException {
        for (ServerSocketChannel s : SOCKETS) {
            s.close();
        }
    }

    /** Something at a path that is not a regular file, and the words the CLI must use for it. */
    enum Special {
        FIFO("named pipe (FIFO)"),
        SOCKET("socket"),
        DEVICE("character device"),
        LINK_OUT_OF_THE_STICK("symbolic link"),
        DANGLING_LINK("symbolic link");

        final String words;

        Special(String words) {
            this.words = words;
        }

        /** Makes one at {@code p}; false when this machine cannot (a device node needs root). */
        boolean make(Path p) throws Exception {
            Files.createDirectories(p.getParent());
            switch (this) {
                case FIFO -> {
                    return Cli.run(List.of("mkfifo", p.toString()), Map.of(), null).exit() == 0;
                }
                case SOCKET -> {
                    ServerSocketChannel s = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
                    s.bind(UnixDomainSocketAddress.of(p));
                    SOCKETS.add(s);
                    return true;
                }
                case DEVICE -> {
                    return Cli.run(List.of("mknod", p.toString(), "c", "1", "3"), Map.of(), null).exit() == 0;
                }
                case LINK_OUT_OF_THE_STICK -> {
                    Files.createSymbolicLink(p, outside);
                    return true;
                }
                case DANGLING_LINK -> {
                    Files.createSymbolicLink(p, p.resolveSibling("nothing-here.xml"));
                    return true;
                }
                default -> throw new IllegalStateException();
            }
        }
    }

    /** A command that reads one file the user names; {@code %s} is the path. */
    record Reader(String name, Path data, String extension, String... args) {
        List<String> line(Path file) {
            return Stream.of(args).map(a -> a.replace("%s", file.toString())).toList();
        }
    }

    private static List<Reader> readers() {
        String out = tmp.resolve("out").toString();
        return List.of(
                new Reader("import", lab, ".xml", "import", "%s"),
                new Reader("intake", lab, ".xml", "intake", "%s"),
                new Reader("verify", lab, ".xml", "verify", "%s"),
                new Reader("trust add", lab, ".xml", "trust", "add", "%s", "--fingerprint", FINGERPRINT),
                new Reader("gateway process", gw, ".xml", "gateway", "process", "%s", "--to", out),
                new Reader("qr decode (frames)", null, ".txt", "qr", "decode", "--to", out, "%s"),
                new Reader("qr decode (image)", null, ".png", "qr", "decode", "--to", out, "%s"),
                new Reader("qr encode", null, ".xml", "qr", "encode", "%s", "--to", out),
                new Reader("restore", null, ".alb", "restore", "%s", "--data", tmp.resolve("restored").toString()));
    }

    @TestFactory
    Stream<DynamicTest> aSpecialFile_givenToAnyCommandThatReadsAFile_isRefusedInWords_neverOpened() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Reader reader : readers()) {
            for (Special special : Special.values()) {
                tests.add(DynamicTest.dynamicTest(reader.name() + " of a " + special, () -> {
                    Path p = tmp.resolve("specials").resolve(reader.name().replaceAll("\\W", "-") + "-" + special
                            + reader.extension());
                    assumeTrue(special.make(p), "cannot make a " + special + " here");
                    Cli.Run run = Cli.airlockWithin(LIMIT, reader.data(), reader.line(p).toArray(String[]::new));
                    assertRefusedInWords(run, special.words);
                }));
            }
        }
        return tests.stream();
    }

    /** Plain mistakes with a path the user typed: nothing there, or a folder where a file belongs. */
    @TestFactory
    Stream<DynamicTest> aMissingFileOrAFolder_givenToAnyCommandThatReadsAFile_isExit1WithWhatToFix() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Reader reader : readers()) {
            tests.add(DynamicTest.dynamicTest(reader.name() + " of a missing file", () -> {
                Path p = tmp.resolve("missing").resolve("no-such" + reader.extension());
                assertRefusedInWords(Cli.airlockWithin(LIMIT, reader.data(), reader.line(p).toArray(String[]::new)),
                        "no such file");
            }));
            if (!reader.name().equals("import") && !reader.name().equals("intake")) { // those two read folders
                tests.add(DynamicTest.dynamicTest(reader.name() + " of a folder", () -> {
                    Path p = Files.createDirectories(tmp.resolve("folders").resolve(reader.name().replaceAll("\\W",
                            "-") + reader.extension()));
                    assertRefusedInWords(Cli.airlockWithin(LIMIT, reader.data(),
                            reader.line(p).toArray(String[]::new)), "folder");
                }));
            }
        }
        return tests.stream();
    }

    /** A command that writes into a folder the user names. */
    record Writer(String name, Path data, String... args) {
        List<String> line(Path dir) {
            return Stream.of(args).map(a -> a.replace("%s", dir.toString())).toList();
        }
    }

    private static List<Writer> writers() throws Exception {
        Path card = Journey.only(tmp.resolve("card"));
        return List.of(
                new Writer("activation-kit --to", lab, "activation-kit", "--to", "%s"),
                new Writer("collector-kit --to", lab, "collector-kit", "--to", "%s"),
                new Writer("export --to", lab, "export", "--to", "%s"),
                new Writer("backup --to", lab, "backup", "--to", "%s"),
                new Writer("key card --to", lab, "key", "card", "--to", "%s", "--label", "Lab"),
                new Writer("demo --to", null, "demo", "--machines", "1", "--to", "%s"),
                new Writer("demo apply --stick", null, "demo", "apply", "--stick", "%s"),
                new Writer("qr encode --to", null, "qr", "encode", card.toString(), "--to", "%s"),
                new Writer("qr decode --to", null, "qr", "decode", "--to", "%s", card.toString() + ".txt"),
                new Writer("update check", lab, "update", "check", "%s"));
    }

    /** Wrong places to write: a file, a FIFO, a path through a file; and nothing at all for a stick. */
    enum WrongFolder {
        A_FILE("is a file, not a folder"),
        A_FIFO("not a folder"),
        A_PATH_THROUGH_A_FILE("is a file, not a folder");

        final String words;

        WrongFolder(String words) {
            this.words = words;
        }

        Path make(Path base) throws Exception {
            Files.createDirectories(base.getParent());
            switch (this) {
                case A_FILE -> {
                    return Files.writeString(base, "I am a file");
                }
                case A_FIFO -> {
                    assumeTrue(Special.FIFO.make(base), "no mkfifo");
                    return base;
                }
                case A_PATH_THROUGH_A_FILE -> {
                    return Files.writeString(base, "I am a file").resolve("sub");
                }
                default -> throw new IllegalStateException();
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> aWrongFolder_givenToAnyCommandThatWritesOne_isExit1WithWhatToFix() throws Exception {
        // a key card file, so qr encode/decode have a real input and fail only at the folder
        Journey.ok(Cli.airlock(lab, "key", "card", "--to", tmp.resolve("card").toString(), "--label", "Lab"));
        Path card = Journey.only(tmp.resolve("card"));
        Files.writeString(Path.of(card + ".txt"), "123\n");
        List<DynamicTest> tests = new ArrayList<>();
        for (Writer writer : writers()) {
            for (WrongFolder wrong : WrongFolder.values()) {
                tests.add(DynamicTest.dynamicTest(writer.name() + " " + wrong, () -> {
                    Path p = wrong.make(tmp.resolve("wrong").resolve(writer.name().replaceAll("\\W", "-") + "-"
                            + wrong));
                    assertRefusedInWords(Cli.airlockWithin(LIMIT, writer.data(),
                            writer.line(p).toArray(String[]::new)), wrong.words);
                }));
            }
        }
        return tests.stream();
    }

    /** Files named .png that are not images a scanner screen could show. */
    enum BadImage {
        EMPTY(new byte[0], "is empty (0 bytes)"),
        SIGNATURE_ONLY(png(new byte[0], 0, 0, false), "damaged"),
        HEADER_CUT_SHORT(java.util.Arrays.copyOf(png(new byte[0], 100, 100, true), 20), "damaged"),
        PIXELS_CUT_SHORT(java.util.Arrays.copyOf(png(new byte[100], 100, 100, true), 60), "damaged"),
        TEXT_NAMED_PNG("hello, I am text".getBytes(StandardCharsets.US_ASCII), "not an image"),
        DECOMPRESSION_BOMB_60000(png(new byte[0], 60_000, 60_000, true), "megapixels"),
        DECOMPRESSION_BOMB_20000(png(new byte[0], 20_000, 20_000, true), "megapixels"),
        ONE_PIXEL_WIDE_BOMB(png(new byte[0], 1, 2_000_000_000, true), "megapixels");

        final byte[] bytes;
        final String words;

        BadImage(byte[] bytes, String words) {
            this.bytes = bytes;
            this.words = words;
        }
    }

    @TestFactory
    Stream<DynamicTest> aDamagedOrHugeImage_givenToQrDecode_isExit1InWords_withoutDecodingIt() {
        return Stream.of(BadImage.values()).map(bad -> DynamicTest.dynamicTest("qr decode of " + bad, () -> {
            Path p = Files.write(Files.createDirectories(tmp.resolve("images")).resolve(bad + ".png"), bad.bytes);
            long start = System.nanoTime();
            Cli.Run run = Cli.airlockWithin(LIMIT, null, "qr", "decode", "--to", tmp.resolve("out").toString(),
                    p.toString());
            assertRefusedInWords(run, bad.words);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("refused by its header, not decoded")
                    .isLessThan(LIMIT);
        }));
    }

    /**
     * Specials inside a stick (or a stick stand-in folder): {@code import STICK} and {@code intake
     * STICK} skip each with the reason and open none of them.
     */
    @TestFactory
    Stream<DynamicTest> specialFilesOnAStick_areSkippedWithTheReason_neverOpened() {
        record StickCase(String name, Path data, String folder, String verb) {}
        return Stream.of(new StickCase("import", lab, "AIRLOCK/inbound", "import"),
                new StickCase("intake", lab, "AIRLOCK/collected", "intake")).map(c -> DynamicTest.dynamicTest(
                        c.name() + " of a stick holding every special", () -> {
                            Path stick = tmp.resolve("stick-" + c.name());
                            List<Special> made = new ArrayList<>();
                            for (Special s : Special.values()) {
                                if (s.make(stick.resolve(c.folder()).resolve(s + ".xml"))) {
                                    made.add(s);
                                }
                            }
                            Cli.Run run = Cli.airlockWithin(LIMIT, c.data(), c.verb(), stick.toString());
                            assertThat(run.all()).as(run.all()).doesNotContainPattern(JAVA_CLASS);
                            for (Special s : made) {
                                assertThat(run.out()).as(run.all()).containsPattern("(?m)^skipped +.*" + s
                                        + "\\.xml: .*" + Pattern.quote(s.words));
                            }
                            assertThat(run.out()).as(run.all()).contains(made.size() + " skipped");
                        }));
    }

    /** A stick whose AIRLOCK folder, or one of its folders, is a link out of the stick: not followed, said why. */
    @TestFactory
    Stream<DynamicTest> aLinkedFolderOnAStick_isNotFollowed_andSaysWhy() {
        record LinkCase(String verb, String linked) {}
        return Stream.of(new LinkCase("intake", "AIRLOCK/collected"), new LinkCase("intake", "AIRLOCK"),
                new LinkCase("import", "AIRLOCK/inbound"), new LinkCase("intake", "AIRLOCK/results"))
                .map(c -> DynamicTest.dynamicTest(c.verb() + " of a stick whose " + c.linked() + " is a link", () -> {
                    Path stick = tmp.resolve("linked-" + c.verb() + "-" + c.linked().replace('/', '-'));
                    Path target = Files.createDirectories(tmp.resolve("off-the-stick-" + stick.getFileName()));
                    // off the stick: a folder full of what the link would have led to
                    Journey.ok(Cli.airlock(null, "demo", "--machines", "2", "--to", target.toString()));
                    Path link = stick.resolve(c.linked());
                    Files.createDirectories(link.getParent());
                    Files.createSymbolicLink(link, c.linked().equals("AIRLOCK") ? target.resolve("AIRLOCK")
                            : target.resolve("AIRLOCK/collected"));
                    Cli.Run run = Cli.airlockWithin(LIMIT, lab, c.verb(), stick.toString());
                    assertThat(run.all()).as(run.all()).contains("symbolic link").doesNotContainPattern(JAVA_CLASS)
                            .doesNotContain("accepted ").doesNotContain("merged ");
                }));
    }

    /**
     * Every reader (and writer) of a stick's own folders, on a folder stand-in whose {@code AIRLOCK} or
     * one of its folders is a link out of the stick: none follows it, each says why, nothing off the
     * stick is read, and nothing is written there.
     */
    @TestFactory
    Stream<DynamicTest> everyStickFolder_whenItOrAirlockIsALinkOffTheStick_isNotFollowed_andSaysWhy() {
        record Case(String name, String linked, String... args) {}
        return Stream.of(
                new Case("import, AIRLOCK linked", "AIRLOCK", "import", "%s"),
                new Case("import, AIRLOCK/inbound linked", "AIRLOCK/inbound", "import", "%s"),
                new Case("update check, AIRLOCK linked", "AIRLOCK", "update", "check", "%s"),
                new Case("update check, AIRLOCK/update linked", "AIRLOCK/update", "update", "check", "%s"),
                new Case("backup, AIRLOCK/backup linked", "AIRLOCK/backup", "backup", "--to", "%s"),
                new Case("backup, AIRLOCK linked", "AIRLOCK", "backup", "--to", "%s"),
                new Case("export, AIRLOCK/outbound linked", "AIRLOCK/outbound", "export", "--to", "%s"))
                .map(c -> DynamicTest.dynamicTest(c.name(), () -> {
                    Path stick = tmp.resolve("off-" + c.name().replaceAll("\\W+", "-"));
                    Path target = Files.createDirectories(tmp.resolve("target-" + stick.getFileName()));
                    // what the link leads to: a whole AIRLOCK folder with a response, an update, a backup folder
                    Path airlock = Files.createDirectories(target.resolve("AIRLOCK"));
                    for (String f : List.of("inbound", "update", "backup", "outbound")) {
                        Files.createDirectories(airlock.resolve(f));
                    }
                    Files.writeString(airlock.resolve("inbound/airlock-response-x.xml"), "<not-yours/>");
                    Files.writeString(airlock.resolve("update/airlock-9.9.9.update"), "format=airlock-update-1\n");
                    Path link = stick.resolve(c.linked());
                    Files.createDirectories(link.getParent());
                    Files.createSymbolicLink(link, c.linked().equals("AIRLOCK") ? airlock
                            : airlock.resolve(Path.of(c.linked()).getFileName()));
                    long before = countFiles(target);
                    String[] line = Stream.of(c.args()).map(a -> a.replace("%s", stick.toString()))
                            .toArray(String[]::new);
                    Cli.Run run = Cli.airlockWithin(LIMIT, lab, line);
                    if (!line[0].equals("import")) { // import counts a linked folder as skipped, like any link
                        assertThat(run.exit()).as(run.all()).isEqualTo(1);
                    }
                    assertThat(run.all()).as(run.all()).contains("symbolic link").doesNotContainPattern(JAVA_CLASS)
                            .doesNotContain("merged  ").doesNotContain("not-yours");
                    assertThat(countFiles(target)).as("nothing written off the stick").isEqualTo(before);
                }));
    }

    /**
     * A real vfat stick (fusefat) cannot hold a link, so there: names that look like climbing out
     * ({@code ..} lookalikes, dots and spaces vfat keeps) in {@code AIRLOCK/inbound} and
     * {@code AIRLOCK/collected} are read as the plain names they are, none leads off the stick,
     * and nothing off the stick is read.
     */
    @org.junit.jupiter.api.Test
    void dotDotLookalikeNamesOnAVfatStick_areReadAsPlainNames_andNothingLeavesTheStick() throws Exception {
        assumeTrue(Files.exists(Path.of("/dev/fuse")), "no /dev/fuse");
        try (StickImage stick = StickImage.create(Files.createDirectories(tmp.resolve("vfat-dots")), 33)) {
            Path inbound = Files.createDirectories(stick.mount.resolve("AIRLOCK/inbound"));
            Path collected = Files.createDirectories(stick.mount.resolve("AIRLOCK/collected"));
            List<String> names = List.of("..airlock-response.xml", "...xml", "a..b.xml", ".. ..xml", "x ...xml");
            for (String n : names) {
                for (Path dir : List.of(inbound, collected)) {
                    try {
                        Files.writeString(dir.resolve(n), "<not-a-response/>");
                    } catch (IOException e) {
                        System.out.println("vfat refused the name '" + n + "': " + e.getMessage());
                    }
                }
            }
            Cli.Run imported = Cli.airlockWithin(LIMIT, lab, "import", stick.mount.toString());
            Cli.Run intake = Cli.airlockWithin(LIMIT, lab, "intake", stick.mount.toString());
            for (Cli.Run run : List.of(imported, intake)) {
                assertThat(run.all()).as(run.all()).doesNotContainPattern(JAVA_CLASS).doesNotContain("secret")
                        .doesNotContain("not-yours");
            }
            assertThat(imported.out()).as(imported.all()).contains(" 0 merged");
            assertThat(intake.out()).as(intake.all()).doesNotContain("accepted ");
            // a path typed with '..' that climbs from AIRLOCK/inbound up and out is the user's own path, but a
            // stick folder reached that way is still checked: only what is on the stick is taken
            Cli.Run climbing = Cli.airlockWithin(LIMIT, lab, "import", inbound.resolve("../../..").toString()
                    + "/" + stick.mount.getFileName());
            assertThat(climbing.all()).as(climbing.all()).doesNotContainPattern(JAVA_CLASS).contains(" 0 merged");
        }
    }

    private static long countFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).count();
        }
    }

    private static void assertRefusedInWords(Cli.Run run, String words) {
        assertThat(run.exit()).as(run.all()).isEqualTo(1);
        assertThat(run.all()).as(run.all()).contains(words).doesNotContainPattern(JAVA_CLASS);
    }

    /** A PNG with an IHDR of {@code width}×{@code height} (1-bit grey) and {@code pixels} deflated as its IDAT. */
    private static byte[] png(byte[] pixels, int width, int height, boolean withHeader) {
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        b.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        if (!withHeader) {
            return b.toByteArray();
        }
        java.nio.ByteBuffer ihdr = java.nio.ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 1)
                .put((byte) 0).put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(b, "IHDR", ihdr.array());
        Deflater d = new Deflater(9);
        d.setInput(pixels.length == 0 ? new byte[1 << 20] : pixels);
        d.finish();
        byte[] buf = new byte[1 << 16];
        java.io.ByteArrayOutputStream z = new java.io.ByteArrayOutputStream();
        while (!d.finished()) {
            z.write(buf, 0, d.deflate(buf));
        }
        chunk(b, "IDAT", z.toByteArray());
        chunk(b, "IEND", new byte[0]);
        return b.toByteArray();
    }

    private static void chunk(java.io.ByteArrayOutputStream b, String type, byte[] data) {
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        b.writeBytes(java.nio.ByteBuffer.allocate(4).putInt(data.length).array());
        b.writeBytes(t);
        b.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        b.writeBytes(java.nio.ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
