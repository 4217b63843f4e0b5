package dev.airlock.formats;

/**
 * Checked exception family for malformed or hostile input to a transfer format. Messages say
 * what was wrong and what to do; they never echo secrets.
 */
public class FormatException extends Exception {
    private static final long serialVersionUID = 1L;

    public FormatException(String message) {
        super(message);
    }

    public FormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
