package dev.airlock.kiosk.core;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import dev.airlock.appliance.config.Setting;
import dev.airlock.appliance.devices.CodeScanned;
import dev.airlock.appliance.devices.MediaEvent;
import dev.airlock.appliance.devices.MediaWatcher;
import dev.airlock.appliance.devices.NativeLibs;
import dev.airlock.appliance.devices.ScannerStatus;
import dev.airlock.appliance.devices.SerialScanner;
import dev.airlock.appliance.devices.Stick;
import dev.airlock.appliance.devices.Subscription;
import dev.airlock.kiosk.core.KioskBeans.KioskSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The kiosk's devices: the USB stick watcher and the serial QR scanner, started once per process.
 * Views subscribe while attached ({@link #onSticksChanged}, {@link #onCode}, {@link #onScannerStatus}):
 * the listener runs inside {@code ui.access} and the subscription ends when the view detaches.
 */
public final class Devices implements AutoCloseable {
    private final MediaWatcher media;
    private final SerialScanner scanner;

    public Devices(KioskSettings settings, KioskPaths paths, Clock clock) {
        List<Path> roots = Arrays.stream(settings.value(Setting.MEDIA_ROOTS).split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).map(Path::of).toList();
        this.media = MediaWatcher.system(roots);
        NativeLibs.prepare(paths.dataDir().resolve("native"));
        this.scanner = new SerialScanner(settings.value(Setting.SCANNER_PORT), settings.intValue(Setting.SCANNER_BAUD),
                clock);
        media.start();
        scanner.start();
    }

    /** Sticks present now. */
    public List<Stick> sticks() {
        return media.sticks();
    }

    public MediaWatcher media() {
        return media;
    }

    public SerialScanner scanner() {
        return scanner;
    }

    /**
     * Runs {@code refresh} (which reads {@link #sticks()} again) for {@code view} whenever a stick
     * comes, goes or changes while it is attached, and at an attach when the sticks are no longer
     * those of the last look: a stick that came between the view's construction (where it shows
     * the sticks once, after this call) and its attach is not missed, and no attach looks twice.
     */
    public void onSticksChanged(Component view, Runnable refresh) {
        AtomicReference<List<Stick>> seen = new AtomicReference<>(media.sticks());
        Runnable look = () -> {
            seen.set(media.sticks());
            refresh.run();
        };
        bind(view, l -> media.subscribe(l), (MediaEvent e) -> look.run());
        view.addAttachListener(attach -> {
            if (!media.sticks().equals(seen.get())) {
                look.run();
            }
        });
    }

    /** Codes from the serial scanner for {@code view} while it is attached. */
    public void onCode(Component view, Consumer<CodeScanned> listener) {
        bind(view, l -> scanner.onCode(l), listener);
    }

    /** Scanner connected/disconnected for {@code view} while it is attached. */
    public void onScannerStatus(Component view, Consumer<ScannerStatus> listener) {
        bind(view, l -> scanner.onStatus(l), listener);
    }

    private static <E> void bind(Component view, java.util.function.Function<Consumer<E>, Subscription> subscribe,
            Consumer<E> listener) {
        // subscribed while attached (now, if it already is, and on every later attach); each
        // subscription ends at the next detach
        java.util.function.Consumer<UI> attachTo = ui -> {
            Subscription s = subscribe.apply(e -> {
                if (ui.isAttached()) {
                    ui.access(() -> listener.accept(e));
                }
            });
            view.addDetachListener(detach -> {
                s.close();
                detach.unregisterListener();
            });
        };
        view.getUI().filter(ui -> view.isAttached()).ifPresent(attachTo);
        view.addAttachListener(attach -> attachTo.accept(attach.getUI()));
    }

    @Override
    public void close() {
        scanner.close();
        media.close();
    }
}
