package dev.airlock.appliance.store;

/** There is no data store in the data dir yet. */
public final class StoreMissingException extends StoreException {
    private static final long serialVersionUID = 1L;

    public StoreMissingException(String message) {
        super(message);
    }
}
