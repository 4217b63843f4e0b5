package dev.airlock.appliance.cli;

import dev.airlock.appliance.keys.KeysException;
import dev.airlock.appliance.store.StoreException;
import dev.airlock.appliance.store.StoreMissingException;
import java.io.PrintWriter;
import java.lang.reflect.Constructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/** Entry point of the {@code airlock} command. */
public final class Main {
    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    private Main() {}

    public static void main(String[] args) {
        System.exit(run(CliContext.system(), new PrintWriter(System.out, true), new PrintWriter(System.err, true),
                args));
    }

    /** Runs one command line and returns its exit code. */
    static int run(CliContext context, PrintWriter out, PrintWriter err, String... args) {
        CommandLine cmd = commandLine(context);
        cmd.setOut(out);
        cmd.setErr(err);
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        cmd.setExecutionExceptionHandler((e, line, parsed) -> handle(e, line.getErr()));
        cmd.setParameterExceptionHandler((e, a) -> {
            PrintWriter w = e.getCommandLine().getErr();
            w.println("airlock: " + e.getMessage());
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
        return new CommandLine(new AirlockCommand(), new Factory(context));
    }

    private static int handle(Exception e, PrintWriter err) {
        int code;
        String message;
        if (e instanceof Rejected || e instanceof StoreMissingException || e instanceof IllegalArgumentException
                || e instanceof KeysException) {
            code = ExitCodes.REJECTED;
            message = e.getMessage();
        } else if (e instanceof StoreException) {
            code = ExitCodes.INTERNAL;
            message = e.getMessage();
        } else if (e instanceof java.io.IOException io) {
            code = ExitCodes.INTERNAL;
            message = describe(io);
        } else if (e instanceof java.io.UncheckedIOException io) {
            code = ExitCodes.INTERNAL;
            message = describe(io.getCause());
        } else {
            code = ExitCodes.INTERNAL;
            message = "internal error: " + e + " (run with AIRLOCK_LOG_LEVEL=DEBUG for details)";
            LOG.debug("internal error", e);
        }
        err.println("airlock: " + message);
        err.flush();
        return code;
    }

    /** A file-system failure in plain words: what, where, why. */
    static String describe(java.io.IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException n) {
            return "no such file or folder: " + n.getFile();
        }
        if (e instanceof java.nio.file.AccessDeniedException a) {
            return "permission denied: " + a.getFile();
        }
        if (e instanceof java.nio.file.FileAlreadyExistsException f) {
            return "already exists: " + f.getFile();
        }
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return f.getFile() + ": " + f.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** Builds commands and mixins, handing them the context when they ask for it. */
    private record Factory(CliContext context) implements CommandLine.IFactory {
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
