package dev.airlock.formats.kit;

import dev.airlock.formats.FormatException;

/** A kit file (collector record, activation kit, apply result) that cannot be accepted; the message says where and why. */
public final class MalformedRecordException extends FormatException {
    private static final long serialVersionUID = 1L;

    public MalformedRecordException(String message) {
        super(message);
    }

    public MalformedRecordException(String message, Throwable cause) {
        super(message, cause);
    }
}
