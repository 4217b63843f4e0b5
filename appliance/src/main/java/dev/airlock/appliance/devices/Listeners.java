package dev.airlock.appliance.devices;

import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Subscribers of one kind of event; a failing listener is logged and does not stop the others. */
final class Listeners<T> {
    private static final Logger LOG = LoggerFactory.getLogger(Listeners.class);

    private final CopyOnWriteArrayList<Consumer<? super T>> list = new CopyOnWriteArrayList<>();
    private final String what;

    Listeners(String what) {
        this.what = what;
    }

    Subscription add(Consumer<? super T> listener) {
        java.util.Objects.requireNonNull(listener, "listener");
        Consumer<? super T> wrapped = listener::accept; // distinct identity, so the same listener may subscribe twice
        list.add(wrapped);
        return () -> list.remove(wrapped);
    }

    void publish(T event) {
        for (Consumer<? super T> l : list) {
            try {
                l.accept(event);
            } catch (RuntimeException | Error e) {
                if (e instanceof VirtualMachineError) {
                    throw e;
                }
                LOG.warn("a {} listener failed on {}; the others still get it", what, event, e);
            }
        }
    }
}
