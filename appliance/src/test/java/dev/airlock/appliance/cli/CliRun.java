package dev.airlock.appliance.cli;

import dev.airlock.appliance.keys.Sleeper;
import dev.airlock.appliance.testing.Samples;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Map;
import java.util.SplittableRandom;

/** One command line run in-process, as a person types it: environment and stdin given, exit code and output kept. */
record CliRun(int exit, String out, String err) {
    /** Standard output, then standard error. */
    String all() {
        return out + err;
    }

    /** Runs {@code args} with {@code env} (AIRLOCK_DATA, the passphrase, ...) and {@code stdin}; sleeps return at once. */
    static CliRun run(Map<String, String> env, String stdin, String... args) {
        return run(env, stdin, d -> { }, args);
    }

    /** The same, with the sleeper the command's back-off and lockout waits go to. */
    static CliRun run(Map<String, String> env, String stdin, Sleeper sleeper, String... args) {
        CliContext context = new CliContext(Map.copyOf(env), Samples.CLOCK, new SplittableRandom(3),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), "tester", "", new ArrayList<>(),
                sleeper);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(context, new PrintWriter(out), new PrintWriter(err), args);
        return new CliRun(exit, out.toString(), err.toString());
    }
}
