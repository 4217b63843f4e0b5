package dev.airlock.formats.qr;

import dev.airlock.formats.FormatException;

/** An image that holds no readable QR code. */
public final class QrFormatException extends FormatException {
    private static final long serialVersionUID = 1L;

    public QrFormatException(String message) {
        super(message);
    }
}
