package dev.airlock.appliance.export;

import java.io.IOException;

/** The request was recorded and its products marked EXPORTED, but its file could not be put in place on the stick. */
public final class ExportUnfinishedException extends IOException {
    private static final long serialVersionUID = 1L;

    ExportUnfinishedException(String message, IOException cause) {
        super(message, cause);
    }
}
