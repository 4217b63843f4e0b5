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

    record Run(int exit, String out, String err) {
        String all() {
            return out + err;
        }
    }

    private Run run(Map<String, String> extraEnv, String stdin, String... args) {
        Map<String, String> env = new HashMap<>(extraEnv);
        env.putIfAbsent("AIRLOCK_DATA", tmp.resolve("data").toString());
        CliContext context = new CliContext(env, Samples.CLOCK, new SplittableRandom(3),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), "tester", "", new ArrayList<>(),
                d -> { });
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(context, new PrintWriter(out), new PrintWriter(err), args);
        return new Run(exit, out.toString(), err.toString());
    }

    private Run run(String... args) {
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
            Run help = run(args.toArray(String[]::new));
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
}
