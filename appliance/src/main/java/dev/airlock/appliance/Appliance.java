package dev.airlock.appliance;

import dev.airlock.appliance.audit.Actor;
import dev.airlock.appliance.audit.AuditService;
import dev.airlock.appliance.bundles.BundleService;
import dev.airlock.appliance.bundles.QrTransfer;
import dev.airlock.appliance.enroll.Enroll;
import dev.airlock.appliance.inventory.InventoryService;
import dev.airlock.appliance.keys.KeyService;
import dev.airlock.appliance.keys.KeysException;
import dev.airlock.appliance.keys.MakVault;
import dev.airlock.appliance.keys.PreparedKeys;
import dev.airlock.appliance.keys.Sleeper;
import dev.airlock.appliance.store.ApplianceInfo;
import dev.airlock.appliance.store.Store;
import dev.airlock.appliance.store.Tx;
import dev.airlock.formats.kit.CollectorRecordReader;
import dev.airlock.formats.outside.OutsideText;
import java.nio.file.Path;
import java.security.SecureRandom;
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
    private final dev.airlock.appliance.apply.Apply apply;
    private final dev.airlock.appliance.collect.Collect collect;
    private final KeyService keys;
    private final Enroll enroll;
    private final MakVault makVault;
    private final BundleService bundles;
    private final QrTransfer qr;
    private final dev.airlock.appliance.gateway.Gateway gateway;
    private final dev.airlock.appliance.ledger.BundleLedger ledger;
    private final dev.airlock.appliance.export.Export export;
    private final dev.airlock.appliance.merge.Merge merge;
    private final dev.airlock.appliance.operators.OperatorService operators;
    private final dev.airlock.appliance.backup.BackupService backup;
    private final dev.airlock.appliance.reimage.Reimage reimage;

    private Appliance(Store store, Clock clock, Sleeper sleeper) {
        this.store = store;
        this.audit = new AuditService(store, clock);
        this.inventory = new InventoryService(store, audit, clock, dev.airlock.appliance.reimage.Reimage.rules());
        this.reimage = new dev.airlock.appliance.reimage.Reimage(store, inventory);
        this.apply = new dev.airlock.appliance.apply.Apply(store, inventory, audit, clock);
        this.keys = new KeyService(store, audit, clock, sleeper, new SecureRandom());
        this.enroll = new Enroll(store, keys, audit, clock);
        this.makVault = new MakVault(store, audit, clock, keys);
        this.collect = new dev.airlock.appliance.collect.Collect(store, inventory, apply, makVault,
                CollectorRecordReader::new, clock);
        this.bundles = new BundleService(keys, enroll);
        this.qr = new QrTransfer(bundles);
        this.gateway = new dev.airlock.appliance.gateway.Gateway(store, keys, enroll, audit, clock,
                new SecureRandom());
        this.ledger = new dev.airlock.appliance.ledger.BundleLedger(store);
        this.export = new dev.airlock.appliance.export.Export(store, inventory, ledger, makVault, keys, audit, clock,
                new SecureRandom());
        this.merge = new dev.airlock.appliance.merge.Merge(store, ledger, enroll, makVault, inventory, audit,
                clock);
        this.operators = new dev.airlock.appliance.operators.OperatorService(store, audit, clock, new SecureRandom());
        this.backup = new dev.airlock.appliance.backup.BackupService(store, keys, audit, clock, new SecureRandom());
    }

    /** Opens the existing store in {@code dataDir}; throws with "run ./airlock init first" when there is none. */
    /**
     * Starts loading the record store's libraries on a daemon thread of its own (see
     * {@link Store#warmUp}): for a command line's start, which meanwhile reads its arguments.
     */
    public static void warmUpInBackground() {
        dev.airlock.appliance.support.DaemonThreads.named("store-warm-up").execute(Store::warmUp);
    }

    public static Appliance open(Path dataDir, Clock clock) {
        return open(dataDir, clock, Sleeper.real());
    }

    /** As {@link #open(Path, Clock)}, with the sleeper that waits out delays after wrong passphrases. */
    public static Appliance open(Path dataDir, Clock clock, Sleeper sleeper) {
        return new Appliance(Store.open(dataDir), clock, sleeper);
    }

    /**
     * Creates a new store with its key pair and supervisor passphrase ({@code keys}, from
     * {@link KeyService#prepare}) in the same transaction; on failure nothing is left behind.
     */
    public static Appliance init(Path dataDir, ApplianceInfo.Role role, String name, Actor actor, Clock clock,
            RandomGenerator random, PreparedKeys keys, Sleeper sleeper) {
        ApplianceInfo info = newInfo(role, name, clock, random);
        Store store = Store.create(dataDir, info, (created, tx) -> {
            AuditService audit = new AuditService(created, clock);
            appendInit(audit, tx, actor, info);
            try {
                new KeyService(created, audit, clock, sleeper, new SecureRandom()).install(tx, keys, actor);
            } catch (KeysException e) {
                throw new IllegalStateException("a new store has no keys yet: " + e.getMessage(), e);
            }
        });
        return new Appliance(store, clock, sleeper);
    }

    /** Creates a new store for an appliance of {@code role} called {@code name}; refuses to overwrite. */
    public static Appliance init(Path dataDir, ApplianceInfo.Role role, String name, Actor actor, Clock clock,
            RandomGenerator random) {
        ApplianceInfo info = newInfo(role, name, clock, random);
        Store store = Store.create(dataDir, info, (created, tx) -> appendInit(new AuditService(created, clock), tx,
                actor, info));
        return new Appliance(store, clock, Sleeper.real());
    }

    private static ApplianceInfo newInfo(ApplianceInfo.Role role, String name, Clock clock, RandomGenerator random) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("the appliance name is empty");
        }
        OutsideText.problem(name.strip()).ifPresent(p -> {
            throw new IllegalArgumentException("the appliance name must be one line of plain text; it " + p);
        });
        byte[] id = new byte[16];
        random.nextBytes(id);
        return new ApplianceInfo(HexFormat.of().formatHex(id), role, name.strip(), clock.instant());
    }

    private static void appendInit(AuditService audit, Tx tx, Actor actor, ApplianceInfo info) {
        audit.record(tx, actor, new ApplianceInitialized(info.applianceId(), info.role(), info.displayName()));
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

    /** The collect flow: the collector kit, intake of collected files and apply results, machines typed in. */
    public dev.airlock.appliance.collect.Collect collect() {
        return collect;
    }

    /** The apply flow: the activation kit, manual applies, the apply rule. */
    public dev.airlock.appliance.apply.Apply apply() {
        return apply;
    }

    /** Reimage: stored CIDs applied again, and a supervisor's forced reuse. */
    public dev.airlock.appliance.reimage.Reimage reimage() {
        return reimage;
    }

    /** The own key pair and the supervisor passphrase. */
    public KeyService keys() {
        return keys;
    }

    /** The enroll flow: key card files and the pinned peers. */
    public Enroll enroll() {
        return enroll;
    }

    /** The sealed MAKs. */
    public MakVault makVault() {
        return makVault;
    }

    /** Checking bundle files and their signers. */
    public BundleService bundles() {
        return bundles;
    }

    /** Bundles as QR frames. */
    public QrTransfer qr() {
        return qr;
    }

    /** The gateway role: verifying lab requests, obtaining CIDs (BatchActivation or phone), signing responses. */
    public dev.airlock.appliance.gateway.Gateway gateway() {
        return gateway;
    }

    /** Request bundles written and responses merged (the round trip's ledger). */
    public dev.airlock.appliance.ledger.BundleLedger ledger() {
        return ledger;
    }

    /** The export flow: choose, check, write a signed request to a transfer stick, then mark EXPORTED. */
    public dev.airlock.appliance.export.Export export() {
        return export;
    }

    /** Import and merge of response bundles. */
    public dev.airlock.appliance.merge.Merge merge() {
        return merge;
    }

    /** The kiosk's operators and their PIN sign-in. */
    public dev.airlock.appliance.operators.OperatorService operators() {
        return operators;
    }

    /** Updates from a stick: verify, stage for the system's update helper, its status, restart. */
    public dev.airlock.appliance.update.UpdateService update(dev.airlock.appliance.update.UpdateConfig config) {
        return new dev.airlock.appliance.update.UpdateService(store, audit, config);
    }

    /** Encrypted backups onto a stick (restoring is {@code BackupService.restore}, with no store open). */
    public dev.airlock.appliance.backup.BackupService backup() {
        return backup;
    }
}
