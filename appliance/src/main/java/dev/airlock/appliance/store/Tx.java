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

    /**
     * Runs {@code work} in a savepoint of this transaction: what it wrote stays when {@code keep}
     * accepts its result, else it is undone and the transaction goes on as before it. An exception
     * undoes it too, and propagates.
     */
    public <T, X extends Exception> T savepoint(Store.TxFunction<T, X> work,
            java.util.function.Predicate<? super T> keep) throws X {
        handle.execute("SAVEPOINT work");
        T result;
        try {
            result = work.apply(this);
        } catch (Exception | Error e) {
            handle.execute("ROLLBACK TO work");
            handle.execute("RELEASE work");
            throw e;
        }
        if (!keep.test(result)) {
            handle.execute("ROLLBACK TO work");
        }
        handle.execute("RELEASE work");
        return result;
    }
}
