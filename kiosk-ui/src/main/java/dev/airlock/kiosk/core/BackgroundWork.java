package dev.airlock.kiosk.core;

import com.vaadin.flow.component.UI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * Runs long work (intake, export, merge, gateway runs) off the UI thread and reports progress and
 * the outcome back into the UI through server push.
 */
public final class BackgroundWork implements AutoCloseable {
    /** A piece of work that may report progress. */
    @FunctionalInterface
    public interface Task<T> {
        T run(Progress progress) throws Exception;
    }

    /** Progress of a running task: a fraction 0..1 (negative = unknown) and a line of text. */
    @FunctionalInterface
    public interface Progress {
        void report(double fraction, String text);
    }

    private int running;
    private final ExecutorService pool = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "kiosk-work");
        t.setDaemon(true);
        return t;
    });

    /**
     * Runs {@code task}; {@code onProgress}, {@code onDone} and {@code onFail} run inside
     * {@code ui.access} (skipped when the UI has gone).
     */
    public <T> void run(UI ui, Task<T> task, Progress onProgress, Consumer<T> onDone, Consumer<Exception> onFail) {
        synchronized (this) {
            running++;
        }
        pool.execute(() -> {
            try {
                T result = task.run((f, text) -> access(ui, () -> onProgress.report(f, text)));
                access(ui, () -> onDone.accept(result));
            } catch (Exception e) {
                access(ui, () -> onFail.accept(e));
            } finally {
                synchronized (this) {
                    running--;
                    notifyAll();
                }
            }
        });
    }

    /**
     * Waits until no task is running (their outcome is then queued for the UI); false on timeout.
     * For tests and for an orderly shutdown.
     */
    public synchronized boolean awaitIdle(java.time.Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (running > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    private static void access(UI ui, Runnable r) {
        if (ui.isAttached()) {
            ui.access(r::run);
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
