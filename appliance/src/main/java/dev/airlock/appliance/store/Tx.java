package dev.airlock.appliance.store;

import org.jdbi.v3.core.Handle;

/**
 * One open transaction. Services pass it along; only repositories (and this package) call
 * {@link #handle()} to run SQL.
 */
public final class Tx {
    private final Handle handle;

    Tx(Handle handle) {
        this.handle = handle;
    }

    /** The JDBI handle, for repositories only (checked by the architecture test). */
    public Handle handle() {
        return handle;
    }
}
