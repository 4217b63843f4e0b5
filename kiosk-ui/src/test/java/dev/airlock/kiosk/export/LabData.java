package dev.airlock.kiosk.export;

import com.vaadin.flow.server.VaadinSession;
import dev.airlock.appliance.Appliance;
import dev.airlock.appliance.audit.Actor;
import dev.airlock.appliance.demo.DemoData;
import dev.airlock.appliance.devices.Stick;
import dev.airlock.appliance.devices.StickKind;
import dev.airlock.appliance.intake.IntakeOptions;
import dev.airlock.appliance.inventory.ProductState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/** Test data for the export and import views: demo machines taken in through the real intake. */
public final class LabData {
    public static final Actor TEST = new Actor("test");

    private LabData() {
    }

    /**
     * Writes {@code machines} demo collector files numbered from {@code first} and takes them in;
     * the first machine's host name is replaced by {@code plantedHost} when given.
     */
    public static void intake(Appliance lab, Path dir, int first, int machines, String plantedHost) throws IOException {
        Path out = new DemoData(Clock.systemUTC()).write(machines, first, dir, first, n -> { });
        if (plantedHost != null) {
            String demoHost = String.format(Locale.ROOT, "DEMO-LAB-%05d", first);
            try (Stream<Path> files = Files.list(out)) {
                for (Path f : files.toList()) {
                    String text = Files.readString(f, StandardCharsets.UTF_8);
                    if (f.getFileName().toString().startsWith(demoHost)) {
                        Files.writeString(f, text.replace(demoHost, plantedHost)
                                .replace(demoHost.toLowerCase(Locale.ROOT), plantedHost.toLowerCase(Locale.ROOT)),
                                StandardCharsets.UTF_8);
                    }
                }
            }
        }
        lab.intake().ingest(List.of(dir), IntakeOptions.defaults(), TEST, o -> { });
    }

    public static long count(Appliance a, ProductState s) {
        return a.inventory().status().byState().getOrDefault(s, 0L);
    }

    /** A folder standing in for a stick, as the media watcher would report it. */
    public static Stick stick(Path root, StickKind kind, int responses) {
        return new Stick(root, root.getFileName().toString(), kind, false, 0, responses, 0, 0, -1);
    }

    /** Lets background work finish: runs the UI's pending access tasks until {@code done} or 30 s. */
    public static void await(BooleanSupplier done) {
        long end = System.nanoTime() + 30_000_000_000L;
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting for background work");
            }
            VaadinSession session = VaadinSession.getCurrent();
            session.getService().runPendingAccessTasks(session);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
