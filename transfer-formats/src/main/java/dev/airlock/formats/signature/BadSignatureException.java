package dev.airlock.formats.signature;

import dev.airlock.formats.FormatException;

/** A signature that does not verify, or has the wrong shape. */
public final class BadSignatureException extends FormatException {
    private static final long serialVersionUID = 1L;

    public BadSignatureException(String message) {
        super(message);
    }
}
