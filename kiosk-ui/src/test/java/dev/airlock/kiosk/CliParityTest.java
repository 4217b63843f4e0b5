package dev.airlock.kiosk;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.vaadin.flow.router.Route;
import dev.airlock.appliance.cli.CommandTree;
import dev.airlock.kiosk.core.Routes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The README's table "Everything the CLI does, in the kiosk" is true: it names every command and
 * subcommand of {@code airlock} (picocli's tree), every screen it names is a route of the kiosk,
 * and every CLI-only row says why.
 */
class CliParityTest {
    private static final String HEADING = "### Everything the CLI does, in the kiosk";
    private static final String CLI_ONLY = "CLI only";
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");

    /** One row: the CLI words in column 1, the kiosk column, and the how-or-why column. */
    record Row(List<String> cli, String kiosk, String how) {}

    @Test
    void everyCommandAndSubcommand_isInTheTable() throws IOException {
        Set<String> named = rows().stream().flatMap(r -> r.cli().stream()).collect(Collectors.toSet());
        List<String> commands = CommandTree.names();
        assertThat(commands).as("picocli's tree").contains("status", "mak add", "collector-kit", "bundles list");
        List<String> missing = new ArrayList<>();
        for (String c : commands) {
            if (!named.contains(c) && !allChildrenNamed(c, commands, named)) {
                missing.add(c);
            }
        }
        assertThat(missing).as("commands missing from the README's parity table").isEmpty();
    }

    @Test
    void everyCliWordInTheTable_isACommandOrAnOption() throws IOException {
        Set<String> commands = Set.copyOf(CommandTree.names());
        List<String> unknown = rows().stream().flatMap(r -> r.cli().stream())
                .filter(w -> !w.startsWith("--") && !commands.contains(w)).toList();
        assertThat(unknown).as("CLI words in the table that are no command (renamed or removed?)").isEmpty();
    }

    @Test
    void everyScreenNamed_isARouteOfTheKiosk() throws IOException {
        Set<String> routes = routes();
        assertThat(routes).contains("", "collect", "machines/:key", "supervisor");
        List<String> wrong = new ArrayList<>();
        for (Row r : rows()) {
            if (r.kiosk().equals(CLI_ONLY)) {
                continue;
            }
            List<String> named = codes(r.kiosk());
            if (named.isEmpty()) {
                wrong.add(r.cli() + ": no route in `...` and not \"" + CLI_ONLY + "\"");
            }
            for (String path : named) {
                if (!isRoute(path, routes)) {
                    wrong.add(r.cli() + ": " + path);
                }
            }
        }
        assertThat(wrong).as("screens in the table that are no kiosk route").isEmpty();
    }

    @Test
    void everyRow_saysHow_andEveryCliOnlyRow_saysWhy() throws IOException {
        List<Row> rows = rows();
        assertThat(rows).as("rows of the parity table").hasSizeGreaterThan(20);
        assertThat(rows).filteredOn(r -> r.kiosk().equals(CLI_ONLY)).isNotEmpty()
                .allSatisfy(r -> assertThat(r.how().split("\\s+")).as("why %s is CLI-only", r.cli())
                        .hasSizeGreaterThanOrEqualTo(5));
        assertThat(rows).allSatisfy(r -> assertThat(r.how()).as("how %s is done", r.cli()).isNotBlank());
    }

    private static boolean allChildrenNamed(String parent, List<String> commands, Set<String> named) {
        List<String> children = commands.stream().filter(c -> c.startsWith(parent + " ")).toList();
        return !children.isEmpty() && children.stream().allMatch(named::contains);
    }

    /** {@code /machines/:key}, {@code /supervisor/trust}: a @Route value, or the supervisor route with one of its tabs. */
    private static boolean isRoute(String path, Set<String> routes) {
        if (!path.startsWith("/")) {
            return false;
        }
        String p = path.substring(1);
        if (routes.contains(p)) {
            return true;
        }
        return p.startsWith("supervisor/") && routes.contains("supervisor")
                && Routes.SUPERVISOR_TABS.contains(p.substring("supervisor/".length()));
    }

    /** Every {@code @Route} value of the kiosk's classes. */
    private static Set<String> routes() {
        Set<String> out = new LinkedHashSet<>();
        for (JavaClass c : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.airlock.kiosk")) {
            if (c.isAnnotatedWith(Route.class)) {
                out.add(c.getAnnotationOfType(Route.class).value());
            }
        }
        return out;
    }

    private static List<String> codes(String cell) {
        List<String> out = new ArrayList<>();
        Matcher m = CODE.matcher(cell);
        while (m.find()) {
            out.add(m.group(1).strip());
        }
        return out;
    }

    /** The table's rows, read from the README at the repository root. */
    static List<Row> rows() throws IOException {
        List<String> lines = Files.readAllLines(readme());
        int at = lines.indexOf(HEADING);
        assertThat(at).as("README has the section " + HEADING).isNotNegative();
        int i = at + 1;
        while (i < lines.size() && !lines.get(i).startsWith("| CLI |")) {
            assertThat(lines.get(i)).as("the section starts with its table").doesNotStartWith("#");
            i++;
        }
        List<Row> rows = new ArrayList<>();
        for (i += 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
            String line = lines.get(i).strip();
            String[] cells = line.substring(1, line.length() - 1).split("\\|", -1);
            assertThat(cells).as("three cells in " + line).hasSize(3);
            rows.add(new Row(codes(cells[0]), cells[1].strip(), cells[2].strip()));
        }
        return rows;
    }

    private static Path readme() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path f = dir.resolve("README.md");
            if (Files.isRegularFile(f) && Files.isDirectory(dir.resolve("kiosk-ui"))) {
                return f;
            }
        }
        throw new AssertionError("README.md of the repository not found above " + Path.of("").toAbsolutePath());
    }
}
