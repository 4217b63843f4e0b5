package dev.airlock.formats.bundle;

import dev.airlock.formats.FormatException;

/** A bundle (envelope, payload or file) that cannot be accepted; the message says what and where. */
public class MalformedBundleException extends FormatException {
    private static final long serialVersionUID = 1L;

    public MalformedBundleException(String message) {
        super(message);
    }

    public MalformedBundleException(String message, Throwable cause) {
        super(message, cause);
    }
}
