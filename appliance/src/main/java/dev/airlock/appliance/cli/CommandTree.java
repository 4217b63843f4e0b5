package dev.airlock.appliance.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/** The names of every command and subcommand of {@code airlock} ("status", "mak add", ...), for checks outside the CLI. */
public final class CommandTree {
    private CommandTree() {
    }

    /** Every command's name below {@code airlock}, parents before their subcommands, in declaration order. */
    public static List<String> names() {
        CommandLine root = Main.commandLine(CliContext.system());
        List<String> out = new ArrayList<>();
        walk(root, "", out);
        return List.copyOf(out);
    }

    private static void walk(CommandLine cmd, String prefix, List<String> out) {
        for (CommandLine sub : cmd.getSubcommands().values().stream().distinct().toList()) {
            String name = prefix + sub.getCommandName();
            out.add(name);
            walk(sub, name + " ", out);
        }
    }
}
