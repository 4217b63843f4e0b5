package dev.airlock.kiosk.qr;

import com.vaadin.flow.component.UI;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** The server-side timer that steps QR frames: one shared daemon thread, one tick per display, pushed to its UI. */
final class FrameTimer {
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "kiosk-qr-frames");
        t.setDaemon(true);
        return t;
    });

    private ScheduledFuture<?> tick;

    /** Stops the tick, then (when {@code ui} is there) runs {@code step} in it {@code fps} times a second. */
    synchronized void restart(UI ui, int fps, Runnable step) {
        stop();
        if (ui == null) {
            return;
        }
        long period = 1000L / fps;
        tick = TIMER.scheduleAtFixedRate(() -> {
            if (ui.isAttached()) {
                ui.access(step::run);
            }
        }, period, period, TimeUnit.MILLISECONDS);
    }

    synchronized void stop() {
        if (tick != null) {
            tick.cancel(false);
            tick = null;
        }
    }
}
