package dev.airlock.appliance.support;

import java.util.concurrent.Executor;

/**
 * Work a command starts ahead of needing it (loading libraries, a key derivation) on a thread of
 * its own that never keeps the JVM alive: a command that ends first simply exits.
 */
public final class DaemonThreads {
    private DaemonThreads() {}

    /** An executor that runs each task on a new daemon thread called {@code name}. */
    public static Executor named(String name) {
        return task -> {
            Thread t = new Thread(task, name);
            t.setDaemon(true);
            t.start();
        };
    }
}
