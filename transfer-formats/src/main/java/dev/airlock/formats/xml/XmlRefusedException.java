package dev.airlock.formats.xml;

import dev.airlock.formats.FormatException;

/** XML input refused before any binding; callers rewrap it in their format's exception. */
public final class XmlRefusedException extends FormatException {
    private static final long serialVersionUID = 1L;

    public XmlRefusedException(String message) {
        super(message);
    }
}
