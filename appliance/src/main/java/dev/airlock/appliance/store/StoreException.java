package dev.airlock.appliance.store;

/** The store cannot be used as asked: missing, already there, read-only, full, locked. The message says what to do. */
public class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
