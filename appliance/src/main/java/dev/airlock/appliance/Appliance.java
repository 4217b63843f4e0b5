package dev.airlock.appliance;

import dev.airlock.appliance.audit.Actor;
import dev.airlock.appliance.audit.AuditService;
import dev.airlock.appliance.intake.IntakeService;
import dev.airlock.appliance.inventory.InventoryService;
import dev.airlock.appliance.store.ApplianceInfo;
import dev.airlock.appliance.store.Store;
import dev.airlock.formats.kit.CollectorRecordReader;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HexFormat;
import java.util.random.RandomGenerator;

/**
 * The composition root: opens (or creates) the store in a data dir and wires the feature
 * services over it. The CLI and the kiosk reach the record only through these services.
 */
public final class Appliance implements AutoCloseable {
    private final Store store;
    private final AuditService audit;
    private final InventoryService inventory;
    private final IntakeService intake;

    private Appliance(Store store, Clock clock) {
        this.store = store;
        this.audit = new AuditService(store, clock);
        this.inventory = new InventoryService(store, audit, clock);
        this.intake = new IntakeService(store, inventory, CollectorRecordReader::new, clock);
    }

    /** Opens the existing store in {@code dataDir}; throws with "run ./airlock init first" when there is none. */
    public static Appliance open(Path dataDir, Clock clock) {
        return new Appliance(Store.open(dataDir), clock);
    }

    /** Creates a new store for an appliance of {@code role} called {@code name}; refuses to overwrite. */
    public static Appliance init(Path dataDir, ApplianceInfo.Role role, String name, Actor actor, Clock clock,
            RandomGenerator random) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("the appliance name is empty");
        }
        byte[] id = new byte[16];
        random.nextBytes(id);
        ApplianceInfo info = new ApplianceInfo(HexFormat.of().formatHex(id), role, name.strip(), clock.instant());
        Store store = Store.create(dataDir, info, (created, tx) -> new AuditService(created, clock).append(tx, actor,
                "appliance.init", "appliance " + info.applianceId(), "role=" + role.id() + "; name="
                        + info.displayName()));
        return new Appliance(store, clock);
    }

    /** Closes the store's connections. */
    @Override
    public void close() {
        store.close();
    }

    /** Whether {@code dataDir} already holds a data store. */
    public static boolean exists(Path dataDir) {
        return Store.exists(dataDir);
    }

    public ApplianceInfo info() {
        return store.applianceInfo();
    }

    public Path dataDir() {
        return store.dataDir();
    }

    public AuditService audit() {
        return audit;
    }

    public InventoryService inventory() {
        return inventory;
    }

    public IntakeService intake() {
        return intake;
    }
}
