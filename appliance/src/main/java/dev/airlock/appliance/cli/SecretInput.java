package dev.airlock.appliance.cli;

import dev.airlock.appliance.keys.Passphrase;
import dev.airlock.appliance.keys.WeakPassphraseException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * Reads secrets — the supervisor passphrase and MAKs — never from the command line: the passphrase
 * from {@value #PASSPHRASE_ENV} when set (scripts, tests), else hidden from the terminal; a MAK
 * hidden from the terminal, else one line of stdin. Nothing read here is ever printed.
 */
final class SecretInput {
    /** The environment variable scripts put the passphrase in. */
    static final String PASSPHRASE_ENV = "AIRLOCK_PASSPHRASE";
    private static final int MAX_LINE = 4096;
    /** How often a new passphrase is asked before the command gives up. */
    static final int NEW_PASSPHRASE_TRIES = 3;
    private final CliContext context;
    private final PrintWriter err;

    SecretInput(CliContext context, PrintWriter err) {
        this.context = context;
        this.err = err;
    }

    /** The passphrase for a command that reads or uses a secret (asked once). */
    Passphrase passphrase() {
        Optional<Passphrase> fromEnv = fromEnvironment();
        if (fromEnv.isPresent()) {
            return fromEnv.get();
        }
        Terminal console = terminal().orElseThrow(() -> new Rejected("this needs the supervisor passphrase: run it on"
                + " a terminal, or set " + PASSPHRASE_ENV + " for scripts"));
        char[] typed = console.readHidden("Supervisor passphrase: ");
        if (typed == null || typed.length == 0) {
            throw new Rejected("no passphrase given; nothing was changed");
        }
        try {
            return Passphrase.of(typed);
        } finally {
            Arrays.fill(typed, '\0');
        }
    }

    /**
     * A new supervisor passphrase: from {@value #PASSPHRASE_ENV} (refused when too short), else typed
     * twice on a terminal. A passphrase too short, or two that differ, is asked again with the
     * reason, up to {@value #NEW_PASSPHRASE_TRIES} tries.
     */
    Passphrase newPassphrase() {
        Optional<Passphrase> fromEnv = fromEnvironment();
        if (fromEnv.isPresent()) {
            Passphrase chosen = fromEnv.get();
            try {
                chosen.checkStrongEnoughToSet();
            } catch (WeakPassphraseException e) {
                chosen.close();
                throw new Rejected(PASSPHRASE_ENV + ": " + e.getMessage() + "; nothing was changed");
            }
            return chosen;
        }
        Terminal console = terminal().orElseThrow(() -> new Rejected("this sets the supervisor passphrase: run it on"
                + " a terminal, or set " + PASSPHRASE_ENV + " for scripts"));
        for (int attempt = 1; ; attempt++) {
            String problem;
            try {
                return askTwice(console);
            } catch (WeakPassphraseException e) {
                problem = e.getMessage();
            } catch (Rejected e) {
                if (!e.getMessage().startsWith("the two passphrases differ")) {
                    throw e;
                }
                problem = "the two passphrases differ";
            }
            if (attempt == NEW_PASSPHRASE_TRIES) {
                throw new Rejected(problem + " (" + NEW_PASSPHRASE_TRIES + " tries); nothing was changed");
            }
            int left = NEW_PASSPHRASE_TRIES - attempt;
            err.println(Character.toUpperCase(problem.charAt(0)) + problem.substring(1) + ". Try again (" + left
                    + " more tr" + (left == 1 ? "y" : "ies") + ").");
            err.flush();
        }
    }

    private Passphrase askTwice(Terminal console) throws WeakPassphraseException {
        char[] first = console.readHidden("New supervisor passphrase (at least " + Passphrase.MIN_LENGTH
                + " characters): ");
        if (first == null || first.length == 0) {
            wipe(first);
            throw new Rejected("no passphrase given; nothing was changed");
        }
        Passphrase candidate = Passphrase.of(first);
        try {
            candidate.checkStrongEnoughToSet(); // before the second prompt: say "too short" at once
        } catch (WeakPassphraseException e) {
            candidate.close();
            wipe(first);
            throw e;
        }
        candidate.close();
        char[] second = console.readHidden("Type it again: ");
        if (second == null) {
            wipe(first);
            throw new Rejected("no passphrase given; nothing was changed");
        }
        char[] same = sameTwice(first, second, "passphrases");
        try {
            return Passphrase.of(same);
        } finally {
            Arrays.fill(same, '\0');
        }
    }

    /**
     * A new secret typed twice: the first when both agree, else refused ("the two {@code what}
     * differ"). Wipes both inputs.
     */
    static char[] sameTwice(char[] first, char[] second, String what) {
        try {
            if (second == null || !Arrays.equals(first, second)) {
                throw new Rejected("the two " + what + " differ; nothing was changed");
            }
            return first.clone();
        } finally {
            wipe(first);
            wipe(second);
        }
    }

    private static void wipe(char[] secret) {
        if (secret != null) {
            Arrays.fill(secret, '\0');
        }
    }

    /**
     * One secret line (a MAK): hidden from the terminal when there is one, else the first line of
     * stdin. The caller must not echo it.
     */
    char[] secretLine(String prompt) throws IOException {
        Optional<Terminal> console = terminal();
        if (console.isPresent()) {
            char[] typed = console.get().readHidden(prompt);
            if (typed == null) {
                throw new Rejected("nothing was typed; nothing was changed");
            }
            return typed;
        }
        return readLine(context.stdin());
    }

    private Optional<Passphrase> fromEnvironment() {
        String value = context.environment().get(PASSPHRASE_ENV);
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Passphrase.of(value));
        } catch (IllegalArgumentException e) {
            throw new Rejected(PASSPHRASE_ENV + ": " + e.getMessage());
        }
    }

    private Optional<Terminal> terminal() {
        return context.terminal();
    }

    /** Reads bytes up to the first line end, without buffering past it. */
    private static char[] readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            if (line.size() >= MAX_LINE) {
                throw new Rejected("the input line is too long; nothing was changed");
            }
            line.write(b);
        }
        byte[] bytes = line.toByteArray();
        int end = bytes.length;
        if (end > 0 && bytes[end - 1] == '\r') {
            end--;
        }
        CharBuffer chars = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(bytes, 0, end));
        char[] out = new char[chars.remaining()];
        chars.get(out);
        Arrays.fill(bytes, (byte) 0);
        if (chars.hasArray()) {
            Arrays.fill(chars.array(), '\0');
        }
        if (out.length == 0 && b == -1) {
            throw new Rejected("nothing on stdin: type the key when asked, or pipe it in (never on the command line)");
        }
        return out;
    }
}
