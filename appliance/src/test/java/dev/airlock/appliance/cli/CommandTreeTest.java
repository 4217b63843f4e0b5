package dev.airlock.appliance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.appliance.testing.Samples;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/** Every command and subcommand of the CLI, walked from picocli's tree: help, words, unknown names, mistakes. */
class CommandTreeTest {
    /** Words a sentence never ends on: a line ending in one was cut. */
    private static final Pattern DANGLING = Pattern.compile(
            "(?i).*\\b(then|and|or|the|a|an|of|to|for|with|from|by|in|on|see|is|are|its|their|when|if|but|as)\\s*$");

    @TempDir
    Path tmp;

    private CliRun run(Map<String, String> extraEnv, String stdin, String... args) {
        Map<String, String> env = new HashMap<>(extraEnv);
        env.putIfAbsent("AIRLOCK_DATA", tmp.resolve("data").toString());
        return CliRun.run(env, stdin, args);
    }

    private CliRun run(String... args) {
        return run(Map.of(), "", args);
    }

    /** Every command line that names a command: [], [init], [qr], [qr, encode], ... */
    private static List<List<String>> commandPaths() {
        CliContext context = new CliContext(Map.of(), Samples.CLOCK, new SplittableRandom(1),
                new ByteArrayInputStream(new byte[0]), "tester", "", new ArrayList<>());
        List<List<String>> paths = new ArrayList<>();
        walk(Main.commandLine(context), new ArrayList<>(), paths);
        return paths;
    }

    private static void walk(CommandLine line, List<String> path, List<List<String>> into) {
        into.add(List.copyOf(path));
        for (var sub : line.getSubcommands().entrySet()) {
            if (!sub.getValue().getCommandName().equals(sub.getKey())) {
                continue; // an alias
            }
            path.add(sub.getKey());
            walk(sub.getValue(), path, into);
            path.remove(path.size() - 1);
        }
    }

    private static CommandSpec spec(List<String> path) {
        CliContext context = new CliContext(Map.of(), Samples.CLOCK, new SplittableRandom(1),
                new ByteArrayInputStream(new byte[0]), "tester", "", new ArrayList<>());
        CommandLine line = Main.commandLine(context);
        for (String name : path) {
            line = line.getSubcommands().get(name);
        }
        return line.getCommandSpec();
    }

    private static boolean endsAsASentence(String text) {
        String t = text.strip();
        return t.endsWith(".") || t.endsWith(")") || t.endsWith(":") || t.endsWith("?");
    }

    @Test
    void everyCommand_answersHelp_withExit0_andWholeSentences() {
        List<String> failures = new ArrayList<>();
        List<List<String>> paths = commandPaths();
        assertThat(paths).hasSizeGreaterThan(40);
        for (List<String> path : paths) {
            String name = ("airlock " + String.join(" ", path)).strip();
            List<String> args = new ArrayList<>(path);
            args.add("--help");
            CliRun help = run(args.toArray(String[]::new));
            if (help.exit() != 0) {
                failures.add(name + " --help: exit " + help.exit() + ": " + help.err());
                continue;
            }
            if (!help.out().startsWith("Usage: " + name)) {
                failures.add(name + " --help: no usage line: " + help.out());
            }
            checkRendered(name, help.out(), failures);
            CommandSpec spec = spec(path);
            String[] description = spec.usageMessage().description();
            if (description.length == 0 || description[0].isBlank()) {
                failures.add(name + ": no description");
            } else if (!endsAsASentence(description[0])) {
                failures.add(name + ": first description line is not a whole sentence: " + description[0]);
            }
            for (String line : description) {
                if (!line.isBlank() && (!endsAsASentence(line) || DANGLING.matcher(line).matches())) {
                    failures.add(name + ": description line cut mid-sentence: " + line);
                }
            }
            for (ArgSpec arg : spec.args()) {
                String[] lines = arg.description();
                String last = lines.length == 0 ? "" : lines[lines.length - 1];
                if (!last.isBlank() && (!endsAsASentence(last) || DANGLING.matcher(last).matches())) {
                    failures.add(name + " " + label(arg) + ": description does not end a sentence: "
                            + String.join(" ", lines));
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    private static String label(ArgSpec arg) {
        return arg instanceof CommandLine.Model.OptionSpec o ? o.longestName() : arg.paramLabel();
    }

    /** The rendered help: no "./airlock" split at its dot, and each command-list entry a whole sentence. */
    private static void checkRendered(String name, String help, List<String> failures) {
        if (help.contains(". /airlock") || help.lines().anyMatch(l -> l.strip().startsWith("/airlock"))) {
            failures.add(name + " --help: './airlock' split across lines");
        }
        List<String> lines = help.lines().toList();
        for (int i = 0; i + 1 < lines.size(); i++) {
            String end = lines.get(i).stripTrailing();
            String next = lines.get(i + 1).strip();
            if (end.matches(".*\\b\\p{L}\\.") && next.matches("\\p{L}\\..*")) {
                failures.add(name + " --help: an abbreviation split across lines: " + end + " / " + next);
            }
            if (end.endsWith(".") && next.startsWith("/")) {
                failures.add(name + " --help: a path split at its dot: " + end + " / " + next);
            }
        }
        int at = lines.indexOf("Commands:");
        if (at < 0) {
            return;
        }
        StringBuilder entry = new StringBuilder();
        for (int i = at + 1; i <= lines.size(); i++) {
            String line = i < lines.size() ? lines.get(i) : "";
            boolean continuation = line.startsWith("      ") && !entry.isEmpty();
            if (continuation) {
                entry.append(' ').append(line.strip());
                continue;
            }
            if (!entry.isEmpty()) {
                String text = entry.toString();
                if (!endsAsASentence(text) || DANGLING.matcher(text).matches()) {
                    failures.add(name + " --help: command list entry cut: " + text);
                }
                entry.setLength(0);
            }
            if (line.isBlank() || !line.startsWith("  ")) {
                break;
            }
            entry.append(line.strip());
        }
    }

    @Test
    void theStoreWarmsUp_forCommands_notForABareVersionOrHelp() {
        assertThat(Main.mayOpenTheStore("status")).isTrue();
        assertThat(Main.mayOpenTheStore("--data", "/tmp/x", "export")).isTrue();
        assertThat(Main.mayOpenTheStore()).isFalse();
        assertThat(Main.mayOpenTheStore("--version")).isFalse();
        assertThat(Main.mayOpenTheStore("-h")).isFalse();
        assertThat(Main.mayOpenTheStore("help", "status")).isFalse();
    }

    @Test
    void unknownCommand_saysSoInWords_andNamesTheNearest() {
        CliRun top = run("exprot");
        assertThat(top.exit()).isEqualTo(2);
        assertThat(top.err()).startsWith("airlock: 'exprot' is not a command. Did you mean: export?")
                .contains("Try 'airlock --help'.").doesNotContain("Unmatched");
        CliRun nested = run("qr", "encdoe");
        assertThat(nested.exit()).isEqualTo(2);
        assertThat(nested.err()).startsWith("airlock: 'encdoe' is not a command of 'airlock qr'. Did you mean: encode?")
                .contains("Try 'airlock qr --help'.");
        CliRun option = run("status", "--frob");
        assertThat(option.exit()).isEqualTo(2);
        assertThat(option.err()).contains("'--frob' is not an option of 'airlock status'.");
    }

    /** One user mistake: the command line, and words the message must hold. */
    record Mistake(List<String> args, String words) {}

    @Test
    void userMistakes_exit1_withTheFixInWords_neverInternal() throws Exception {
        Path lab = tmp.resolve("data");
        Path gateway = tmp.resolve("gw");
        try (var a = dev.airlock.appliance.Appliance.init(lab, dev.airlock.appliance.store.ApplianceInfo.Role.LAB,
                "Lab", Samples.SUPERVISOR, Samples.CLOCK, new SplittableRandom(1));
                var g = dev.airlock.appliance.Appliance.init(gateway,
                        dev.airlock.appliance.store.ApplianceInfo.Role.GATEWAY, "GW", Samples.SUPERVISOR, Samples.CLOCK,
                        new SplittableRandom(2))) {
            // stores exist; nothing else needed
        }
        Path file = java.nio.file.Files.writeString(tmp.resolve("file.txt"), "x");
        Path folder = java.nio.file.Files.createDirectories(tmp.resolve("folder"));
        Path truncated = java.nio.file.Files.write(tmp.resolve("broken.png"),
                new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0});
        Path textPng = java.nio.file.Files.writeString(tmp.resolve("text.png"), "hello, not an image");
        String out = tmp.resolve("out").toString();
        List<Mistake> table = List.of(
                new Mistake(List.of("intake", "/no/such"), "no such file or folder"),
                new Mistake(List.of("import", "/no/such"), "no such file or folder"),
                new Mistake(List.of("gateway", "process", "/no/such.xml", "--to", folder.toString(), "--data",
                        gateway.toString()), "no such file: /no/such.xml"),
                new Mistake(List.of("gateway", "process", folder.toString(), "--to", folder.toString(), "--data",
                        gateway.toString()), "is a folder, not a file"),
                new Mistake(List.of("activation-kit", "--to", file.toString()), "give the stick's root folder"),
                new Mistake(List.of("activation-kit", "--to", "/no/such"), "no such folder: /no/such"),
                new Mistake(List.of("collector-kit", "--to", file.toString()), "give the stick's root folder"),
                new Mistake(List.of("export", "--to", "/no/such"), "no such folder: /no/such; give the stick's root folder"),
                new Mistake(List.of("qr", "decode", "--to", out, truncated.toString()),
                        "broken.png is not a readable PNG/JPEG image: the file is damaged or cut short"),
                new Mistake(List.of("qr", "decode", "--to", out, textPng.toString()),
                        "text.png is not a readable PNG/JPEG image"),
                new Mistake(List.of("qr", "decode", "--to", out, "/no/such.png"), "no such file: /no/such.png"),
                new Mistake(List.of("qr", "decode", "--to", out, "/no/such.txt"), "no such file: /no/such.txt"),
                new Mistake(List.of("qr", "decode", "--to", file.toString(), textPng.toString()),
                        "is a file, not a folder"),
                new Mistake(List.of("qr", "encode", "/no/such", "--to", out), "no such file: /no/such"),
                new Mistake(List.of("verify", "/no/such.xml"), "no such file: /no/such.xml"),
                new Mistake(List.of("verify", folder.toString()), "is a folder, not a file"),
                new Mistake(List.of("trust", "add", "/no/such.xml", "--fingerprint",
                        "00000 00000 00000 00000 00000 00000"), "no such file: /no/such.xml"),
                new Mistake(List.of("demo", "--machines", "2", "--to", file.toString()), "is a file, not a folder"),
                new Mistake(List.of("key", "card", "--to", file.toString(), "--label", "L"), "is a file, not a folder"),
                new Mistake(List.of("status", "--data", "/no/such"), "no Airlock data store in /no/such"),
                new Mistake(List.of("list", "--data", tmp.resolve("empty").toString()), "run ./airlock init first"));
        List<String> failures = new ArrayList<>();
        for (Mistake m : table) {
            CliRun r = run(m.args().toArray(String[]::new));
            String shown = String.join(" ", m.args()) + " -> exit " + r.exit() + ": " + r.all().strip();
            if (r.exit() != 1 || !r.all().contains(m.words())) {
                failures.add(shown);
            }
            if (r.all().matches("(?s).*\\b[A-Z][A-Za-z]+(Exception|Error)\\b.*") || r.all().contains("internal error")) {
                failures.add("names a Java class: " + shown);
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void qrDecode_withoutAStore_writesTheBundle_andSaysTrustWasNotChecked() throws Exception {
        Path noStore = tmp.resolve("no-store");
        try (var fx = new dev.airlock.appliance.testing.RoundTripFixture(tmp.resolve("fx"))) {
            fx.addProducts(1, 2, "6789B");
            Path request = fx.export(dev.airlock.appliance.export.ExportOptions.to(fx.stick)).file();
            Path frames = tmp.resolve("frames");
            Map<String, String> env = Map.of("AIRLOCK_DATA", noStore.toString(), SecretInput.PASSPHRASE_ENV,
                    dev.airlock.appliance.testing.RoundTripFixture.PASSPHRASE);
            CliRun encode = run(env, "", "qr", "encode", request.toString(), "--to", frames.toString());
            assertThat(encode.exit()).as(encode.all()).isZero();
            String framesFile = frames.resolve("frames.txt").toString();

            // Without the signer's key the frames cannot be checked at all: refused, with the fix.
            CliRun bare = run(env, "", "qr", "decode", "--to", tmp.resolve("out1").toString(), framesFile);
            assertThat(bare.exit()).as(bare.all()).isEqualTo(1);
            assertThat(bare.err()).contains("--signer-card CARD").contains("nothing was written");

            // The lab's key card: a key card carries its own key, so it decodes as it is.
            CliRun card = run(Map.of("AIRLOCK_DATA", fx.dir.resolve("lab").toString(), SecretInput.PASSPHRASE_ENV,
                    dev.airlock.appliance.testing.RoundTripFixture.PASSPHRASE), "", "key", "card", "--to",
                    tmp.resolve("card").toString(), "--label", "Lab 1");
            assertThat(card.exit()).as(card.all()).isZero();
            Path cardFile;
            try (var files = java.nio.file.Files.list(tmp.resolve("card"))) {
                cardFile = files.filter(p -> p.toString().endsWith(".xml")).findFirst().orElseThrow();
            }
            CliRun cardFrames = run(env, "", "qr", "encode", cardFile.toString(), "--to", tmp.resolve("cf").toString());
            assertThat(cardFrames.exit()).as(cardFrames.all()).isZero();
            CliRun cardBack = run(env, "", "qr", "decode", "--to", tmp.resolve("out2").toString(),
                    tmp.resolve("cf/frames.txt").toString());
            assertThat(cardBack.exit()).as(cardBack.all()).isZero();
            assertThat(cardBack.out()).contains("Wrote keycard bundle").contains("No data store in " + noStore)
                    .contains("checked against the key it carries, but not whether this appliance trusts that key");

            // With the signer's card the request decodes and is written; trust was not checked, and it says so.
            CliRun decoded = run(env, "", "qr", "decode", "--to", tmp.resolve("out3").toString(), "--signer-card",
                    cardFile.toString(), framesFile);
            assertThat(decoded.exit()).as(decoded.all()).isZero();
            assertThat(decoded.out()).contains("Wrote request bundle").contains("No data store in " + noStore)
                    .contains("but not whether this appliance trusts that key");
            try (var files = java.nio.file.Files.list(tmp.resolve("out3"))) {
                Path written = files.findFirst().orElseThrow();
                assertThat(java.nio.file.Files.readAllBytes(written)).isEqualTo(java.nio.file.Files.readAllBytes(request));
            }
            assertThat(noStore).doesNotExist();
        }
    }

    /** A terminal that "types" the given lines and remembers each prompt. */
    private static final class ScriptedTerminal implements Terminal {
        final java.util.ArrayDeque<String> lines;
        final List<String> prompts = new ArrayList<>();

        ScriptedTerminal(String... lines) {
            this.lines = new java.util.ArrayDeque<>(List.of(lines));
        }

        @Override
        public char[] readHidden(String prompt) {
            prompts.add(prompt);
            String line = lines.poll();
            return line == null ? null : line.toCharArray();
        }
    }

    private CliRun onTerminal(ScriptedTerminal terminal, String... args) {
        CliContext context = new CliContext(Map.of("AIRLOCK_DATA", tmp.resolve("data").toString()), Samples.CLOCK,
                new SplittableRandom(3), new ByteArrayInputStream(new byte[0]), "tester", "", new ArrayList<>(),
                d -> { }, java.util.Optional.of(terminal));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(context, new PrintWriter(out), new PrintWriter(err), args);
        return new CliRun(exit, out.toString(), err.toString());
    }

    @Test
    void init_onATerminal_asksAgainWhenThePassphraseIsTooShort_orTheTwoDiffer() {
        String good = "correct horse battery staple";
        ScriptedTerminal terminal = new ScriptedTerminal("short", good, "typo horse battery staple", good, good);
        CliRun init = onTerminal(terminal, "init", "--role", "lab", "--name", "Lab 3 kiosk");
        assertThat(init.exit()).as(init.all()).isZero();
        assertThat(init.err()).contains("The passphrase is too short (5 characters): choose one of at least 10"
                + " characters").contains(". Try again (2 more tries).")
                .contains("The two passphrases differ. Try again (1 more try).").doesNotContain(good)
                .doesNotContain("short\n");
        assertThat(terminal.prompts).containsExactly(
                "New supervisor passphrase (at least 10 characters): ",
                "New supervisor passphrase (at least 10 characters): ", "Type it again: ",
                "New supervisor passphrase (at least 10 characters): ", "Type it again: ");
        assertThat(init.out()).contains("Created lab appliance 'Lab 3 kiosk'");
    }

    @Test
    void init_onATerminal_givesUpAfterThreeTries_andLeavesNoStore() {
        ScriptedTerminal terminal = new ScriptedTerminal("short", "tiny", "nine char");
        CliRun init = onTerminal(terminal, "init", "--role", "lab", "--name", "Lab");
        assertThat(init.exit()).isEqualTo(1);
        assertThat(init.err()).contains("Try again (2 more tries).").contains("Try again (1 more try).")
                .contains("airlock: the passphrase is too short (9 characters)")
                .contains("(3 tries); nothing was changed");
        assertThat(terminal.prompts).hasSize(3);
        assertThat(tmp.resolve("data/airlock.db")).doesNotExist();
    }

    @Test
    void init_fromTheEnvironment_tooShort_exits1WithTheReason_withoutAsking() {
        ScriptedTerminal terminal = new ScriptedTerminal();
        CliContext context = new CliContext(Map.of("AIRLOCK_DATA", tmp.resolve("data").toString(),
                SecretInput.PASSPHRASE_ENV, "too short"), Samples.CLOCK, new SplittableRandom(3),
                new ByteArrayInputStream(new byte[0]), "tester", "", new ArrayList<>(), d -> { },
                java.util.Optional.of(terminal));
        StringWriter err = new StringWriter();
        int exit = Main.run(context, new PrintWriter(new StringWriter()), new PrintWriter(err), "init", "--role", "lab",
                "--name", "Lab");
        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("AIRLOCK_PASSPHRASE: the passphrase is too short (9 characters)")
                .contains("nothing was changed");
        assertThat(terminal.prompts).isEmpty();
    }

    @Test
    void names_listEveryCommandOnce_parentsBeforeTheirSubcommands() {
        var names = CommandTree.names();
        assertThat(names).doesNotHaveDuplicates().contains("init", "status", "collector-kit", "assign",
                "bundles", "bundles list", "mak", "mak add", "mak list", "mak remove", "cid show", "config", "config set");
        assertThat(names.indexOf("mak")).isLessThan(names.indexOf("mak add"));
        assertThat(names).noneMatch(n -> n.startsWith("airlock"));
    }
}
