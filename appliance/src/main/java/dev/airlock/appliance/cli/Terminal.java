package dev.airlock.appliance.cli;

import java.io.Console;
import java.io.InputStream;
import java.util.Optional;

/** Where a person types secrets, hidden: the real terminal, or a test's stand-in. */
interface Terminal {
    /** Shows {@code prompt} and reads one line without echo; null at the end of input. */
    char[] readHidden(String prompt);

    /** The interactive terminal, only when this process really talks to one on the real stdin. */
    static Optional<Terminal> of(InputStream stdin) {
        if (stdin != System.in) {
            return Optional.empty(); // tests inject stdin: never prompt on a real console then
        }
        Console console = System.console();
        if (console == null) {
            return Optional.empty();
        }
        try {
            // JDK 22+: System.console() exists even when redirected; isTerminal() tells.
            Object terminal = Console.class.getMethod("isTerminal").invoke(console);
            if (Boolean.FALSE.equals(terminal)) {
                return Optional.empty();
            }
        } catch (ReflectiveOperationException e) {
            // JDK 21: a non-null console is a terminal
        }
        return Optional.of(prompt -> console.readPassword("%s", prompt));
    }
}
