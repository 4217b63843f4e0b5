package dev.airlock.appliance.cli;

import dev.airlock.appliance.keys.KeysException;
import dev.airlock.appliance.store.StoreException;
import dev.airlock.appliance.store.StoreMissingException;
import dev.airlock.appliance.support.DataDirInUseException;
import dev.airlock.formats.outside.OutsideText;
import java.io.PrintWriter;
import java.lang.reflect.Constructor;
import java.util.List;
import java.util.Optional;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/** Entry point of the {@code airlock} command. */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        if (mayOpenTheStore(args)) {
            // loads SQLite and Jdbi on the second core while picocli reads the command line
            dev.airlock.appliance.Appliance.warmUpInBackground();
        }
        System.exit(run(CliContext.system(), new PrintWriter(System.out, true), new PrintWriter(System.err, true),
                args));
    }

    /** Whether {@code args} may run a command that opens the store (not a bare help or version request). */
    static boolean mayOpenTheStore(String... args) {
        return args.length > 0 && !List.of("--version", "-V", "--help", "-h", "help", "kiosk").contains(args[0]);
    }

    /** Runs one command line and returns its exit code. */
    static int run(CliContext context, PrintWriter rawOut, PrintWriter rawErr, String... args) {
        // text from outside cannot reach the terminal as layout: no ESC, CSI, CR, bidi control or
        // noncharacter passes, whatever command prints it (fields also show a line feed as ⏎)
        PrintWriter out = new PrintWriter(OutsideText.guarded(rawOut), true);
        PrintWriter err = new PrintWriter(OutsideText.guarded(rawErr), true);
        CommandLine cmd = commandLine(context, args);
        cmd.setOut(out);
        cmd.setErr(err);
        cmd.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF)); // no ESC sequences of ours
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        cmd.setExecutionExceptionHandler((e, line, parsed) -> handle(e, line.getErr()));
        cmd.setParameterExceptionHandler((e, a) -> {
            PrintWriter w = e.getCommandLine().getErr();
            w.println("airlock: " + usageMessage(e));
            w.println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            w.flush();
            return ExitCodes.USAGE;
        });
        int code;
        try {
            code = cmd.execute(args);
        } finally {
            context.closeAll();
        }
        out.flush();
        err.flush();
        return code;
    }

    /** The whole command tree, its commands and mixins built with {@code context}. */
    static CommandLine commandLine(CliContext context) {
        return tree(context, AirlockCommand.SUBCOMMANDS);
    }

    /**
     * The tree {@code args} need: when they begin with a command's name, the root and that command
     * only. picocli reads the annotations of every command it is given, and the whole tree cost
     * more of a short command's start than the command itself; the usage help, a mistyped command
     * and the bare root still get every command.
     */
    static CommandLine commandLine(CliContext context, String... args) {
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            return tree(context, List.of());
        }
        return tree(context, (args.length == 0 ? Optional.<Class<?>>empty() : AirlockCommand.named(args[0]))
                .<List<Class<?>>>map(List::of).orElse(AirlockCommand.SUBCOMMANDS));
    }

    private static CommandLine tree(CliContext context, List<Class<?>> subcommands) {
        CommandLine root = new CommandLine(new AirlockCommand(), new Factory(context));
        for (Class<?> c : subcommands) {
            root.addSubcommand(c);
        }
        return root;
    }

    private static int handle(Exception e, PrintWriter err) {
        int code;
        String message;
        if (e instanceof Rejected || e instanceof DataDirInUseException || e instanceof StoreMissingException || e instanceof IllegalArgumentException
                || e instanceof KeysException) {
            code = ExitCodes.REJECTED;
            message = e.getMessage();
        } else if (e instanceof StoreException) {
            code = ExitCodes.INTERNAL;
            message = e.getMessage();
        } else if (e instanceof java.io.IOException io) {
            code = isUserMistake(io) ? ExitCodes.REJECTED : ExitCodes.INTERNAL;
            message = describe(io);
        } else if (e instanceof java.io.UncheckedIOException io) {
            code = isUserMistake(io.getCause()) ? ExitCodes.REJECTED : ExitCodes.INTERNAL;
            message = describe(io.getCause());
        } else {
            code = ExitCodes.INTERNAL;
            // the class name helps nobody at the kiosk; the debug log has the stack trace
            message = "internal error: " + (e.getMessage() == null ? "an unexpected failure" : e.getMessage())
                    + " (run with AIRLOCK_LOG_LEVEL=DEBUG for details)";
            // the logger is fetched here, not at start: setting up logging is left to the store's warm-up thread
            LoggerFactory.getLogger(Main.class).debug("internal error", e);
        }
        err.println("airlock: " + message);
        err.flush();
        return code;
    }

    /**
     * A command-line mistake in words: an unknown command names the nearest ones ("'exprot' is not
     * a command. Did you mean: export?"); anything else as picocli says it.
     */
    static String usageMessage(CommandLine.ParameterException e) {
        if (!(e instanceof CommandLine.UnmatchedArgumentException u) || u.getUnmatched().isEmpty()) {
            return e.getMessage();
        }
        CommandLine line = u.getCommandLine();
        String first = u.getUnmatched().get(0);
        List<String> near = u.getSuggestions();
        String suggestion = near.isEmpty() ? "" : " Did you mean: " + String.join(", ", near) + "?";
        String name = line.getCommandSpec().qualifiedName();
        if (first.startsWith("-")) {
            return "'" + first + "' is not an option of '" + name + "'." + suggestion;
        }
        if (!line.getSubcommands().isEmpty()) {
            return "'" + first + "' is not a command" + (line.getParent() == null ? "" : " of '" + name + "'") + "."
                    + suggestion;
        }
        return "'" + first + "' is one argument too many for '" + name + "'.";
    }

    /** File-system failures that come from a path the user gave: exit 1 with words, not an internal error. */
    static boolean isUserMistake(java.io.IOException e) {
        return e instanceof java.nio.file.NoSuchFileException || e instanceof java.nio.file.NotDirectoryException
                || e instanceof dev.airlock.formats.outside.NotAFileException
                || e instanceof dev.airlock.formats.outside.TooLargeException
                || e instanceof java.nio.file.FileSystemException f0 && f0.getReason() != null
                        && (f0.getReason().contains("File name too long") || f0.getReason().contains("Read-only"))
                || e instanceof java.nio.file.AccessDeniedException
                || e instanceof java.nio.file.FileAlreadyExistsException
                || e instanceof java.nio.file.DirectoryNotEmptyException
                || (e instanceof java.nio.file.FileSystemException f && f.getReason() != null
                        && (f.getReason().contains("Not a directory") || f.getReason().contains("Is a directory")
                                || f.getReason().contains("is a folder, not a file")));
    }

    /** A file-system failure in plain words: what, where, why, and what to do. */
    static String describe(java.io.IOException e) {
        if (e instanceof dev.airlock.formats.outside.NotAFileException
                || e instanceof dev.airlock.formats.outside.TooLargeException) {
            return e.getMessage();
        }
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null
                && f.getReason().contains("File name too long")) {
            return f.getFile() + ": the name is too long for this file system; choose a shorter path";
        }
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null
                && f.getReason().contains("Read-only")) {
            return f.getFile() + ": the stick or folder is read-only; check its write-protect switch or mount it"
                    + " writable";
        }
        if (e instanceof java.nio.file.NoSuchFileException n) {
            return "no such file or folder: " + n.getFile() + "; check the path (is the stick inserted and mounted?)";
        }
        if (e instanceof java.nio.file.NotDirectoryException n) {
            return n.getFile() + " is a file, not a folder; give a folder";
        }
        if (e instanceof java.nio.file.AccessDeniedException a) {
            return "permission denied: " + a.getFile() + "; check who owns it, or whether the stick is read-only";
        }
        if (e instanceof java.nio.file.FileAlreadyExistsException f) {
            return "already exists: " + f.getFile() + "; move it away or choose another name";
        }
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null
                && f.getReason().contains("Not a directory")) {
            return f.getFile() + ": a part of this path is a file, not a folder; give a folder";
        }
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return f.getFile() + ": " + f.getReason();
        }
        return e.getMessage() == null ? "cannot read or write the file (no reason given by the system)" : e.getMessage();
    }

    /** Builds commands and mixins, handing them the context when they ask for it. */
    record Factory(CliContext context) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> cls) throws Exception {
            try {
                Constructor<K> c = cls.getDeclaredConstructor(CliContext.class);
                c.setAccessible(true);
                return c.newInstance(context);
            } catch (NoSuchMethodException e) {
                return CommandLine.defaultFactory().create(cls);
            }
        }
    }
}
