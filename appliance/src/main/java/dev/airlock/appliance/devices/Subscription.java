package dev.airlock.appliance.devices;

/** A live subscription; {@link #close()} unsubscribes (idempotent). */
public interface Subscription extends AutoCloseable {
    @Override
    void close();
}
