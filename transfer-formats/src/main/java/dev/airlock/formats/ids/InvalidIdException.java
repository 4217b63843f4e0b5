package dev.airlock.formats.ids;

import dev.airlock.formats.FormatException;

/** An identifier that does not parse; the message says exactly what is wrong. */
public final class InvalidIdException extends FormatException {
    private static final long serialVersionUID = 1L;

    public InvalidIdException(String message) {
        super(message);
    }
}
