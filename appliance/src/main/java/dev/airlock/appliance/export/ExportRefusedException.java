package dev.airlock.appliance.export;

/** An export was refused before anything was written or changed; the message says why and what to do. */
public final class ExportRefusedException extends Exception {
    private static final long serialVersionUID = 1L;

    public ExportRefusedException(String message) {
        super(message);
    }
}
