package dev.airlock.formats.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The contract every fuzz target checks: a parser given outside data either returns a value or
 * throws one of its own documented rejection exceptions with a message a person can read (not
 * empty, naming no Java class). Anything else (a NullPointerException, an index error, a
 * StackOverflowError, an OutOfMemoryError) is rethrown, so Jazzer reports it as a finding.
 */
public final class FuzzContract {
    /** A qualified Java name or a bare exception class name, as a message must never show one. */
    private static final Pattern CLASS_NAME = Pattern.compile(
            "\\b(?:java|javax|jdk|sun|com|org|dev)\\.[a-z]\\w*\\.[\\w.$]*[A-Z]\\w*|\\b\\w*(?:Exception|Error)\\b");

    private FuzzContract() {}

    /** One parse step that may throw. */
    @FunctionalInterface
    public interface Parse<T> {
        T run() throws Exception;
    }

    /**
     * Runs {@code parse}; returns its value, or null when it threw one of {@code allowed} with a
     * plain message. {@code input} is what was fed in: a message may echo it, so names it holds
     * are not held against the message.
     */
    @SafeVarargs
    public static <T> T accepts(byte[] input, Parse<T> parse, Class<? extends Throwable>... allowed) {
        return accepts(new String(input, StandardCharsets.ISO_8859_1), parse, allowed);
    }

    /** As {@link #accepts(byte[], Parse, Class[])} for text input. */
    @SafeVarargs
    public static <T> T accepts(String input, Parse<T> parse, Class<? extends Throwable>... allowed) {
        try {
            return parse.run();
        } catch (Throwable t) {
            if (!isAllowed(t, List.of(allowed))) {
                throw new AssertionError("the parser threw " + t.getClass().getName()
                        + ", which is not its documented rejection: " + t.getMessage(), t);
            }
            checkMessage(t, input);
            return null;
        }
    }

    /** Fails unless {@code message} is a readable rejection reason for {@code input}. */
    public static void checkMessage(String message, String input, Throwable cause) {
        if (message == null || message.isBlank()) {
            throw new AssertionError("a rejection without a message", cause);
        }
        var m = CLASS_NAME.matcher(message);
        while (m.find()) {
            if (!input.contains(m.group())) {
                throw new AssertionError("the rejection message names a Java class (" + m.group() + "): " + message,
                        cause);
            }
        }
    }

    /**
     * Whether this input should also be tried past the parser's size limit: the empty input and
     * about one in 256 others, chosen by the input itself so a finding reproduces.
     */
    public static boolean alsoCheckLimit(byte[] data) {
        return data.length == 0 || Math.floorMod(java.util.Arrays.hashCode(data), 256) == 0;
    }

    /** {@code data} followed by spaces (harmless after an XML root) up to one byte over {@code maxBytes}. */
    public static byte[] padPast(byte[] data, int maxBytes) {
        byte[] out = java.util.Arrays.copyOf(data, Math.max(data.length, maxBytes + 1));
        java.util.Arrays.fill(out, data.length, out.length, (byte) ' ');
        return out;
    }

    private static void checkMessage(Throwable t, String input) {
        checkMessage(t.getMessage(), input, t);
    }

    private static boolean isAllowed(Throwable t, List<Class<? extends Throwable>> allowed) {
        return allowed.stream().anyMatch(c -> c.isInstance(t));
    }
}
