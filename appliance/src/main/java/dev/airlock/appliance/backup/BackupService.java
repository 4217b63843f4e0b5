package dev.airlock.appliance.backup;

import dev.airlock.appliance.audit.Actor;
import dev.airlock.appliance.audit.AuditService;
import dev.airlock.appliance.audit.AuditReport;
import dev.airlock.appliance.devices.StickLayout;
import dev.airlock.appliance.keys.KeyService;
import dev.airlock.appliance.keys.KeysException;
import dev.airlock.appliance.keys.OfflineCrypto;
import dev.airlock.appliance.keys.Passphrase;
import dev.airlock.appliance.store.ApplianceInfo;
import dev.airlock.appliance.store.Store;
import dev.airlock.appliance.store.StoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * Writes encrypted backups of the record store onto a stick and restores them. Memory stays
 * bounded (the snapshot is streamed in 1 MiB chunks), and a restore puts nothing in place until
 * the whole file decrypted and the database, its schema and its audit chain checked out.
 */
public final class BackupService {
    /** Where backups go on a stick. */
    /** A backup file's extension. */
    public static final String EXTENSION = ".alb";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    private final Store store;
    private final KeyService keys;
    private final AuditService audit;
    private final Clock clock;
    private final SecureRandom random;

    /** Backups derive their key with the Argon2id cost of the supervisor passphrase's keyring. */
    public BackupService(Store store, KeyService keys, AuditService audit, Clock clock, SecureRandom random) {
        this.store = store;
        this.keys = keys;
        this.audit = audit;
        this.clock = clock;
        this.random = random;
    }

    /**
     * Writes AIRLOCK/backup/airlock-backup-&lt;yyyyMMdd-HHmmss&gt;.alb onto the stick root (atomic: temp,
     * fsync, rename, read back and decrypt-verify). Checks the supervisor passphrase first (a wrong
     * one is counted like any other). Audited as {@code backup.write}.
     */
    public BackupResult backup(Path stickRoot, Passphrase passphrase, Actor actor)
            throws BackupException, KeysException, IOException {
        keys.checkPassphrase(passphrase, actor);
        Path root = stickRoot.toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            throw new BackupException("no folder " + root + ": insert the stick and give its root folder,"
                    + " e.g. /media/STICK");
        }
        Path dir = StickLayout.Folder.BACKUP.on(root);
        java.util.Optional<StickLayout.OffTheStick> off = StickLayout.offTheStick(root, dir);
        if (off.isPresent()) {
            throw new BackupException(off.get().shown() + "; nothing was written");
        }
        Path snapshot = store.dataDir().resolve(".backup-snapshot-" + BackupFiles.hex(8) + ".db");
        boolean madeDir = !Files.isDirectory(dir);
        try {
            BackupRepository.snapshot(store.file(), snapshot);
            long[] counts = BackupRepository.counts(snapshot);
            // the encrypted file is the snapshot plus a small header and tags: check the room before any write
            long needed = Files.size(snapshot) + ROOM_MARGIN;
            long free = Files.getFileStore(root).getUsableSpace();
            if (free < needed) {
                throw new BackupException(noRoom(root, needed, free));
            }
            Files.createDirectories(dir);
            Path target = BackupFiles.freeName(dir, "airlock-backup-" + STAMP.format(clock.instant()), EXTENSION);
            OfflineCrypto.Cost kdf = OfflineCrypto.keyringCost(store);
            byte[] digest;
            try {
                digest = EncryptedBackupFile.writeEncrypted(snapshot, target, passphrase, kdf, random);
            } catch (IOException e) { // the room ran out after all (the free count was stale): the temp file is gone
                if (e.getMessage() == null || !e.getMessage().contains("No space left")) {
                    throw e;
                }
                removeIfMade(dir, madeDir);
                throw new BackupException(noRoom(root, needed, Files.getFileStore(root).getUsableSpace()));
            }
            EncryptedBackupFile.verifyWritten(target, passphrase, digest);
            long bytes = Files.size(target);
            store.execute(tx -> audit.record(tx, actor, new BackupEvents.BackupWritten(target, bytes, counts[0],
                    counts[1], kdf)));
            return new BackupResult(target, bytes, counts[0], counts[1]);
        } finally {
            BackupFiles.deleteStoreFiles(snapshot);
        }
    }

    /** Room asked for beyond the snapshot's size: the encrypted file's header, tags and the folder entry. */
    static final long ROOM_MARGIN = 256 * 1024;

    /** "The stick at /media/S has 1.2 MB free, but the backup needs about 5.0 MB: nothing was written. …" */
    static String noRoom(Path root, long needed, long free) {
        return "the stick at " + root + " has " + megabytes(free) + " free, but the backup needs about "
                + megabytes(needed) + ": nothing was written. Free " + megabytes(Math.max(0, needed - free))
                + " or more on it, or use a bigger stick, and run backup again";
    }

    private static String megabytes(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1_000_000.0);
    }

    /** Takes away the backup folder this run made when nothing went into it. */
    private static void removeIfMade(Path dir, boolean made) {
        if (!made) {
            return;
        }
        try (var s = Files.list(dir)) {
            if (s.findAny().isEmpty()) {
                Files.delete(dir);
            }
        } catch (IOException ignored) {
            // an empty folder left on a full stick harms nothing
        }
    }

    /** As {@link #restore(Path, Path, Passphrase, boolean, Actor, Clock)}, recorded as done by Airlock itself. */
    public static RestoreResult restore(Path backupFile, Path dataDir, Passphrase passphrase, boolean replace,
            Clock clock) throws BackupException, IOException {
        return restore(backupFile, dataDir, passphrase, replace, Actor.system(), clock);
    }

    /**
     * Restores into {@code dataDir}, which must not hold a store (or with {@code replace}: the old
     * store files are moved aside to the sibling folder {@code <data>.before-restore-<ts>}; the
     * settings file stays). Checks passphrase, integrity, schema version and audit chain first;
     * audits {@code backup.restore} in the restored store. Stop the kiosk before restoring.
     */
    public static RestoreResult restore(Path backupFile, Path dataDir, Passphrase passphrase, boolean replace,
            Actor actor, Clock clock) throws BackupException, IOException {
        Path dir = dataDir.toAbsolutePath().normalize();
        Path file = backupFile.toAbsolutePath().normalize();
        if (!Files.isRegularFile(file)) {
            throw new BackupException("no backup file " + file);
        }
        if (Store.exists(dir) && !replace) {
            throw new BackupException("a data store already exists in " + dir + "; nothing was restored. Restore"
                    + " into an empty data dir, or add --replace to move the current store aside first");
        }
        Files.createDirectories(dir);
        Path staging = dir.resolve(".restore-" + BackupFiles.hex(8));
        Files.createDirectory(staging);
        try {
            Path db = staging.resolve(Store.FILE_NAME);
            EncryptedBackupFile.decryptInto(file, db, passphrase);
            BackupRepository.Inspection found = check(BackupRepository.inspect(db), file);
            Instant now = clock.instant();
            Optional<Path> aside = Store.exists(dir) && dir.getParent() != null
                    ? Optional.of(BackupFiles.freeName(dir.getParent(), dir.getFileName() + ".before-restore-"
                            + STAMP.format(now), ""))
                    : Optional.empty();
            openCheckAndRecord(staging, file, dir, aside, found, actor, clock);
            BackupFiles.putInPlace(staging, dir, aside);
            return new RestoreResult(dir, found.applianceName().orElse(""), found.machines(), found.products(), aside);
        } finally {
            BackupFiles.deleteTree(staging);
        }
    }

    /** The restored database checked: intact, an Airlock store, a schema this version knows. */
    private static BackupRepository.Inspection check(BackupRepository.Inspection found, Path file)
            throws BackupException {
        if (!"ok".equals(found.integrity())) {
            throw new BackupException("the database inside " + file.getFileName() + " is damaged (" + found.integrity()
                    + "); nothing was restored. Use another backup");
        }
        if (found.schemaVersion().isEmpty() || found.applianceName().isEmpty()) {
            throw new BackupException(file.getFileName() + " does not hold an Airlock data store; nothing was"
                    + " restored");
        }
        int version = found.schemaVersion().get();
        if (version > Store.SCHEMA_VERSION) {
            throw new BackupException(file.getFileName() + " was made by a newer Airlock (schema " + version
                    + ", this one knows up to " + Store.SCHEMA_VERSION + "): update this appliance first; nothing"
                    + " was restored");
        }
        return found;
    }

    /** Opens the staged store (migrating an older schema), checks its audit chain, records the restore in it. */
    private static void openCheckAndRecord(Path staging, Path file, Path dir, Optional<Path> aside,
            BackupRepository.Inspection found, Actor actor, Clock clock) throws BackupException {
        try (Store restored = Store.open(staging)) {
            AuditService audit = new AuditService(restored, clock);
            // the chain and every signed head, against the public key the backup holds
            AuditReport report = new KeyService(restored, audit, clock, delay -> { }, new SecureRandom())
                    .verifyAudit();
            if (report instanceof AuditReport.Tampered broken) {
                throw new BackupException("the backup's audit log is broken at row " + broken.seq() + " ("
                        + broken.reason() + "); nothing was restored");
            }
            ApplianceInfo info = restored.applianceInfo();
            restored.execute(tx -> audit.record(tx, actor, new BackupEvents.BackupRestored(info.applianceId(), file,
                    dir, found.machines(), found.products(), aside)));
        } catch (StoreException e) {
            throw new BackupException("the backup's data store cannot be opened (" + e.getMessage()
                    + "); nothing was restored");
        }
    }
}
