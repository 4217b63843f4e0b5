package dev.airlock.kiosk.core;

import dev.airlock.appliance.Appliance;
import dev.airlock.appliance.audit.Actor;
import dev.airlock.appliance.backup.BackupException;
import dev.airlock.appliance.backup.BackupService;
import dev.airlock.appliance.backup.RestoreResult;
import dev.airlock.appliance.keys.KeyService;
import dev.airlock.appliance.keys.Passphrase;
import dev.airlock.appliance.keys.PreparedKeys;
import dev.airlock.appliance.keys.Sleeper;
import dev.airlock.appliance.keys.WeakPassphraseException;
import dev.airlock.appliance.store.ApplianceInfo;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;

/**
 * The appliance the kiosk drives: opened at start when the data dir holds a store, else created
 * by the first-run setup. One per kiosk process.
 */
public final class ApplianceHolder implements AutoCloseable {
    private final KioskPaths paths;
    private final Clock clock;
    private volatile Appliance appliance;

    public ApplianceHolder(KioskPaths paths, Clock clock) {
        this.paths = paths;
        this.clock = clock;
        if (Appliance.exists(paths.dataDir())) {
            this.appliance = Appliance.open(paths.dataDir(), clock);
        }
    }

    /** The appliance, when it has been set up. */
    public Optional<Appliance> appliance() {
        return Optional.ofNullable(appliance);
    }

    /** The appliance; only called by views the guard lets through after setup. */
    public Appliance get() {
        Appliance a = appliance;
        if (a == null) {
            throw new IllegalStateException("the appliance has not been set up yet");
        }
        return a;
    }

    public boolean isSetUp() {
        return appliance != null;
    }

    public KioskPaths paths() {
        return paths;
    }

    /** First-run setup: creates the store with its key pair sealed under {@code passphrase}. */
    public synchronized Appliance setUp(ApplianceInfo.Role role, String name, Passphrase passphrase, Actor actor)
            throws WeakPassphraseException {
        if (appliance != null) {
            throw new IllegalStateException("this appliance is already set up");
        }
        SecureRandom random = new SecureRandom();
        PreparedKeys keys = KeyService.prepare(passphrase, random);
        appliance = Appliance.init(paths.dataDir(), role, name, actor, clock, random, keys, Sleeper.real());
        return appliance;
    }

    /**
     * Restores a backup over the running store: closes the open appliance, puts the backup in place
     * (the old store is moved aside by {@link BackupService#restore}), and opens the restored one. When
     * the restore is refused the current store is opened again unchanged.
     */
    public synchronized RestoreResult restore(Path backupFile, Passphrase passphrase, Actor actor)
            throws BackupException, IOException {
        Appliance a = appliance;
        if (a != null) {
            a.close();
            appliance = null;
        }
        try {
            return BackupService.restore(backupFile, paths.dataDir(), passphrase, true, actor, clock);
        } finally {
            if (Appliance.exists(paths.dataDir())) {
                appliance = Appliance.open(paths.dataDir(), clock);
            }
        }
    }

    @Override
    public void close() {
        Appliance a = appliance;
        if (a != null) {
            a.close();
        }
    }
}
