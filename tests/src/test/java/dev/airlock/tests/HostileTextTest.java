package dev.airlock.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.airlock.formats.outside.NastyStrings;
import dev.airlock.formats.outside.NastyStrings.Nasty;
import dev.airlock.formats.outside.OutsideText;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Text from outside is data, never layout, through the built CLI, over the one shared corpus of
 * nasty strings ({@link NastyStrings}): each one in each text field of a collector file is refused
 * at intake with the reason and shown escaped; as a stick file name (which nothing can refuse) it
 * is echoed escaped by intake, import, the audit log and {@code --json}; and already in the store
 * (a row from before these checks) it is shown escaped by {@code list}, {@code show} and
 * {@code --json}, with no forged row. No run prints one raw character of the corpus.
 */
class HostileTextTest {
    private static final Duration LIMIT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Collector fields a nasty string is put into, by element name. */
    private static final List<String> FIELDS = List.of("HostName", "Domain", "SerialNumber", "OsCaption", "Name",
            "Description");

    @TempDir
    static Path tmp;
    static String template;

    @BeforeAll
    static void templateRecord() throws Exception {
        Path demo = tmp.resolve("demo");
        Journey.ok(Cli.airlock(null, "demo", "--machines", "1", "--to", demo.toString()));
        template = Files.readString(Journey.only(demo.resolve("AIRLOCK/collected")), StandardCharsets.UTF_8);
    }

    @TestFactory
    Stream<DynamicNode> aNastyStringInAnyCollectorField_isRejectedAtIntake_withTheReason_shownEscaped() throws Exception {
        Path lab = tmp.resolve("lab-fields");
        Journey.ok(Cli.airlock(lab, "init", "--role", "lab", "--name", "Fields lab"));
        List<Nasty> corpus = NastyStrings.all();
        List<DynamicNode> perField = new ArrayList<>();
        for (String field : FIELDS) {
            perField.add(DynamicContainer.dynamicContainer(field, Stream.of(0).flatMap(x -> {
                try {
                    return fieldCases(lab, field, corpus);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            })));
        }
        perField.add(DynamicTest.dynamicTest("nothing was taken in", () -> {
            JsonNode status = json(Cli.airlock(lab, "status", "--json"));
            assertThat(status.get("machines").asInt()).isZero();
        }));
        return perField.stream();
    }

    /** One intake run over a folder with one file per nasty string in {@code field}; a test per string. */
    private static Stream<DynamicTest> fieldCases(Path lab, String field, List<Nasty> corpus) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("fields").resolve(field));
        Map<String, Nasty> byFile = new HashMap<>();
        for (int i = 0; i < corpus.size(); i++) {
            String name = String.format("case-%02d.xml", i);
            Files.writeString(dir.resolve(name), withField(field, corpus.get(i).value()), StandardCharsets.UTF_8);
            byFile.put(name, corpus.get(i));
        }
        Cli.Run text = Cli.airlockWithin(LIMIT, lab, "intake", dir.toString());
        Cli.Run asJson = Cli.airlockWithin(LIMIT, lab, "intake", dir.toString(), "--json");
        JsonNode files = JSON.readTree(asJson.out()).get("files");
        Map<String, JsonNode> outcome = new HashMap<>();
        files.forEach(f -> outcome.put(Path.of(f.get("file").asText()).getFileName().toString(), f));
        List<DynamicTest> tests = new ArrayList<>();
        tests.add(DynamicTest.dynamicTest(field + ": one line per file, exit 1", () -> {
            assertThat(text.exit()).as(text.all()).isEqualTo(1);
            assertThat(text.out().lines().filter(l -> l.startsWith("rejected ")).count()).as(text.out())
                    .isEqualTo(corpus.size());
            assertThat(text.out().lines().count()).as("no forged line").isEqualTo(corpus.size() + 1);
        }));
        for (Map.Entry<String, Nasty> e : byFile.entrySet()) {
            Nasty n = e.getValue();
            tests.add(DynamicTest.dynamicTest(field + " " + n, () -> {
                JsonNode o = outcome.get(e.getKey());
                assertThat(o).as(asJson.out()).isNotNull();
                assertThat(o.get("outcome").asText()).isEqualTo("rejected");
                if (n.xmlCanHoldIt()) {
                    assertThat(o.get("message").asText()).contains(field).contains(n.reason())
                            .contains(OutsideText.shown(n.value()).substring(0, 4));
                }
                assertNoRawCharacter(text.all(), n);
                assertNoRawCharacter(asJson.all(), n);
            }));
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> nastyStickFileNames_areEchoedEscaped_byIntakeImportAuditAndJson() throws Exception {
        assumeTrue("UTF-8".equals(System.getProperty("sun.jnu.encoding")), "file names need a UTF-8 locale");
        List<Nasty> corpus = NastyStrings.all().stream().filter(Nasty::canBeAFileName).toList();
        Path lab = tmp.resolve("lab-names");
        Journey.ok(Cli.airlock(lab, "init", "--role", "lab", "--name", "Names lab"));
        Path stick = tmp.resolve("names-stick");
        Journey.ok(Cli.airlock(null, "demo", "--machines", Integer.toString(corpus.size()), "--to",
                stick.toString()));
        List<Path> demo;
        try (Stream<Path> s = Files.list(stick.resolve("AIRLOCK/collected"))) {
            demo = s.sorted().toList();
        }
        Path inbound = Files.createDirectories(stick.resolve("AIRLOCK/inbound"));
        Map<String, Nasty> names = new HashMap<>();
        for (int i = 0; i < corpus.size(); i++) {
            String name = String.format("%02d-", i) + corpus.get(i).value() + "red.xml";
            Files.move(demo.get(i), demo.get(i).resolveSibling(name));
            Files.writeString(inbound.resolve(name), "not a response", StandardCharsets.UTF_8);
            names.put(name, corpus.get(i));
        }
        Cli.Run intake = Cli.airlockWithin(LIMIT, lab, "intake", stick.toString());
        Cli.Run audit = Cli.airlockWithin(LIMIT, lab, "audit", "log", "--limit", "1000");
        Cli.Run auditJson = Cli.airlockWithin(LIMIT, lab, "audit", "log", "--limit", "1000", "--json");
        Cli.Run imported = Cli.airlockWithin(LIMIT, lab, "import", stick.toString());
        Cli.Run importedJson = Cli.airlockWithin(LIMIT, lab, "import", stick.toString(), "--json");
        JsonNode inputs = JSON.readTree(importedJson.out()).get("inputs");
        List<String> sources = new ArrayList<>();
        inputs.forEach(i -> sources.add(Path.of(i.get("source").asText()).getFileName().toString()));
        List<DynamicTest> tests = new ArrayList<>();
        tests.add(DynamicTest.dynamicTest("every file taken in, one line each, no forged line", () -> {
            assertThat(intake.exit()).as(intake.all()).isZero();
            assertThat(intake.out().lines().filter(l -> l.startsWith("accepted ")).count()).isEqualTo(corpus.size());
            assertThat(intake.out().lines().count()).isEqualTo(corpus.size() + 1);
            assertThat(imported.exit()).isEqualTo(1);
            assertThat(imported.out().lines().count()).as(imported.out()).isEqualTo(corpus.size() + 1);
            assertThat(sources).as("--json gives each name back exactly").containsExactlyInAnyOrderElementsOf(
                    names.keySet());
        }));
        for (Map.Entry<String, Nasty> e : names.entrySet()) {
            Nasty n = e.getValue();
            String shown = OutsideText.shown(e.getKey());
            tests.add(DynamicTest.dynamicTest("file name " + n, () -> {
                assertThat(intake.out()).contains(shown);
                assertThat(imported.out()).contains(shown);
                assertThat(audit.out()).as("the audit log names the source file escaped").contains(shown);
                for (Cli.Run r : List.of(intake, audit, auditJson, imported, importedJson)) {
                    assertNoRawCharacter(r.all(), n);
                }
            }));
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> nastyTextAlreadyInTheStore_isShownEscaped_byListShowAndJson() throws Exception {
        // rows from before intake refused such text: UTF-8 cannot hold a lone surrogate, SQLite text no NUL
        List<Nasty> corpus = NastyStrings.all().stream().filter(n -> !n.hasLoneSurrogate()
                && n.value().indexOf('\0') < 0).toList();
        Path lab = tmp.resolve("lab-store");
        Journey.ok(Cli.airlock(lab, "init", "--role", "lab", "--name", "Store lab"));
        Path stick = tmp.resolve("store-stick");
        Journey.ok(Cli.airlock(null, "demo", "--machines", Integer.toString(corpus.size()), "--to",
                stick.toString()));
        Journey.ok(Cli.airlock(lab, "intake", stick.toString(), "-q"));
        Map<Long, Nasty> byMachine = new HashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + lab.resolve("airlock.db"));
                PreparedStatement host = c.prepareStatement("UPDATE machine SET host_name = ? WHERE id = ?");
                PreparedStatement name = c.prepareStatement("UPDATE product SET name = ? WHERE machine_id = ?")) {
            for (int i = 0; i < corpus.size(); i++) {
                long id = i + 1;
                host.setString(1, corpus.get(i).value());
                host.setLong(2, id);
                assertThat(host.executeUpdate()).isEqualTo(1);
                name.setString(1, "P " + corpus.get(i).value());
                name.setLong(2, id);
                name.executeUpdate();
                byMachine.put(id, corpus.get(i));
            }
        }
        Cli.Run list = Cli.airlockWithin(LIMIT, lab, "list");
        Cli.Run listJson = Cli.airlockWithin(LIMIT, lab, "list", "--json");
        JsonNode rows = JSON.readTree(listJson.out());
        int products = rows.size();
        List<DynamicTest> tests = new ArrayList<>();
        tests.add(DynamicTest.dynamicTest("list: a header, one line per product, a total; nothing forged", () -> {
            assertThat(list.exit()).isZero();
            List<String> lines = list.out().lines().toList();
            assertThat(lines.get(0)).startsWith("ID ");
            assertThat(lines.get(lines.size() - 1)).isEqualTo(products + " products");
            // a forged row (a raw line break in a field) would be a line that is not "ID HOST ..."
            assertThat(lines.subList(1, lines.size() - 1)).as(OutsideText.shown(list.out()))
                    .hasSize(products).allMatch(l -> l.matches("\\d+ +\\S.* COLLECTED +[0-9-]+"));
        }));
        for (Map.Entry<Long, Nasty> e : byMachine.entrySet()) {
            Nasty n = e.getValue();
            tests.add(DynamicTest.dynamicTest("stored " + n, () -> {
                assertThat(list.out()).contains(OutsideText.shown(n.value()).substring(0, Math.min(18,
                        OutsideText.shown(n.value()).length())));
                List<String> hosts = new ArrayList<>();
                rows.forEach(r -> hosts.add(r.get("hostName").asText()));
                assertThat(hosts).as("--json gives the stored text back exactly").contains(n.value());
                Cli.Run show = Cli.airlockWithin(LIMIT, lab, "show", Long.toString(e.getKey()));
                assertThat(show.exit()).as(show.all()).isZero();
                assertThat(show.out()).contains("Machine " + e.getKey() + ": " + OutsideText.shown(n.value()))
                        .contains(OutsideText.shown("P " + n.value()));
                for (Cli.Run r : List.of(list, listJson, show)) {
                    assertNoRawCharacter(r.all(), n);
                }
            }));
        }
        return tests.stream();
    }

    /**
     * Names typed on the command line follow the same rule (the services refuse every corpus
     * string, see TypedNamesTest; here one string per reason, as far as argv can carry it: no NUL,
     * no lone surrogate): {@code init --name} and {@code --as} of a writing command exit 1 with the reason.
     */
    @TestFactory
    Stream<DynamicTest> aNastyNameOnTheCommandLine_isRefused_exit1_withTheReason() throws Exception {
        Path lab = tmp.resolve("lab-typed");
        Journey.ok(Cli.airlock(lab, "init", "--role", "lab", "--name", "Typed lab"));
        Path empty = Files.createDirectories(tmp.resolve("typed-empty"));
        Map<String, Nasty> onePerReason = new java.util.LinkedHashMap<>();
        for (Nasty n : NastyStrings.all()) {
            boolean argvCanHoldIt = n.value().indexOf('\0') < 0 && !n.reason().equals("lone surrogate");
            if (argvCanHoldIt) {
                onePerReason.putIfAbsent(n.reason(), n);
            }
        }
        List<DynamicTest> tests = new ArrayList<>();
        int i = 0;
        for (Nasty n : onePerReason.values()) {
            Path fresh = tmp.resolve("typed-init-" + i++);
            tests.add(DynamicTest.dynamicTest("init --name " + n, () -> {
                Cli.Run run = Cli.airlockWithin(LIMIT, fresh, "init", "--role", "lab", "--name", n.value());
                assertThat(run.exit()).as(run.all()).isEqualTo(1);
                assertThat(run.err()).contains("appliance name").contains(n.reason());
                assertThat(fresh).doesNotExist();
                assertNoRawCharacter(run.all(), n);
            }));
            tests.add(DynamicTest.dynamicTest("--as " + n, () -> {
                Cli.Run run = Cli.airlockWithin(LIMIT, lab, "intake", empty.toString(), "--as", n.value());
                assertThat(run.exit()).as(run.all()).isEqualTo(1);
                assertThat(run.err()).contains("--as").contains(n.reason());
                assertNoRawCharacter(run.all(), n);
            }));
        }
        assertThat(onePerReason).as("reasons").hasSizeGreaterThanOrEqualTo(5);
        return tests.stream();
    }

    /**
     * Stick file names are outside text too: a refused file named {@code ESC[2J…red.xml} (clears
     * a terminal) or holding U+202E (turns the rest around), on a stick given to {@code import} and
     * {@code intake}, and as a frames file given to {@code qr decode}, is named escaped, never raw.
     */
    @TestFactory
    Stream<DynamicTest> aNastyFileNameOnAStick_isShownEscaped_byImportIntakeAndQrDecode() throws Exception {
        Path lab = tmp.resolve("lab-stick-names");
        Journey.ok(Cli.airlock(lab, "init", "--role", "lab", "--name", "Names lab"));
        List<String> names = List.of("\u001b[2J\u001b[31mred.xml", "invoice\u202Elmx.exe.xml",
                "two\u2028lines.xml", "bell\u0007.xml", "zero\u200Bwidth.xml");
        List<DynamicTest> tests = new ArrayList<>();
        for (String name : names) {
            String shown = OutsideText.shown(name);
            tests.add(DynamicTest.dynamicTest("import and intake of " + shown, () -> {
                Path stick = tmp.resolve("names-" + Integer.toHexString(name.hashCode()));
                Files.writeString(Files.createDirectories(stick.resolve("AIRLOCK/inbound")).resolve(name),
                        "<not-a-response/>");
                Files.writeString(Files.createDirectories(stick.resolve("AIRLOCK/collected")).resolve(name),
                        "<not-a-record/>");
                for (String verb : List.of("import", "intake")) {
                    Cli.Run run = Cli.airlockWithin(LIMIT, lab, verb, stick.toString());
                    assertThat(run.exit()).as(run.all()).isEqualTo(1);
                    assertThat(run.all()).as(run.all()).contains(shown);
                    assertNoRawControl(run.all(), name);
                }
            }));
            tests.add(DynamicTest.dynamicTest("qr decode of a frames file named " + shown, () -> {
                Path dir = Files.createDirectories(tmp.resolve("names-qr-" + Integer.toHexString(name.hashCode())));
                Path frames = Files.writeString(dir.resolve(name.replace(".xml", ".txt")), "4006381333931\n");
                Cli.Run run = Cli.airlockWithin(LIMIT, null, "qr", "decode", "--to", dir.resolve("out").toString(),
                        frames.toString());
                assertThat(run.exit()).as(run.all()).isEqualTo(1);
                assertNoRawControl(run.all(), name);
            }));
        }
        return tests.stream();
    }

    /** None of the characters of {@code name} that {@link OutsideText#shown} escapes appears raw in {@code output}. */
    private static void assertNoRawControl(String output, String name) {
        for (char c : name.toCharArray()) {
            if (OutsideText.needsEscape(c) || c == '\u2028') {
                assertThat(output).as("raw %s in %s", OutsideText.escape(c), OutsideText.shown(output))
                        .doesNotContain(String.valueOf(c));
            }
        }
    }

    /** No character of {@code n} that must never reach a screen appears raw in {@code output}. */
    private static void assertNoRawCharacter(String output, Nasty n) {
        for (String bad : n.forbidden()) {
            if (bad.equals("\n")) {
                continue; // the program's own line ends; rows are counted instead
            }
            assertThat(output).as("%s: raw %s in %s", n, OutsideText.shown(bad), OutsideText.shown(output))
                    .doesNotContain(bad);
        }
    }

    /** The template record with {@code field}'s first element holding {@code value} as XML character references. */
    private static String withField(String field, String value) {
        StringBuilder xml = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '.') {
                xml.append(c);
            } else if (Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                xml.append("&#x").append(Integer.toHexString(value.codePointAt(i))).append(';');
                i++;
            } else {
                xml.append("&#x").append(Integer.toHexString(c)).append(';');
            }
        }
        return template.replaceFirst("<" + field + ">[^<]*</" + field + ">",
                Matcher.quoteReplacement("<" + field + ">" + xml + "</" + field + ">"));
    }

    private static JsonNode json(Cli.Run run) throws Exception {
        return JSON.readTree(Journey.ok(run).out());
    }
}
