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
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

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
    private static final String[] STORE_FILES = {Store.FILE_NAME, Store.FILE_NAME + "-wal", Store.FILE_NAME + "-shm",
        Store.FILE_NAME + "-journal"};

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
        Files.createDirectories(dir);
        Path target = freeName(dir, "airlock-backup-" + STAMP.format(clock.instant()), EXTENSION);
        Path snapshot = store.dataDir().resolve(".backup-snapshot-" + hex(8) + ".db");
        try {
            BackupRepository.snapshot(store.file(), snapshot);
            long[] counts = BackupRepository.counts(snapshot);
            OfflineCrypto.Cost kdf = OfflineCrypto.keyringCost(store);
            byte[] digest = writeEncrypted(snapshot, target, passphrase, kdf);
            verifyWritten(target, passphrase, digest);
            long bytes = Files.size(target);
            store.execute(tx -> audit.record(tx, actor, new BackupEvents.BackupWritten(target, bytes, counts[0],
                    counts[1], kdf)));
            return new BackupResult(target, bytes, counts[0], counts[1]);
        } finally {
            deleteStoreFiles(snapshot);
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
        Path staging = dir.resolve(".restore-" + hex(8));
        Files.createDirectory(staging);
        try {
            Path db = staging.resolve(Store.FILE_NAME);
            decryptInto(file, db, passphrase);
            BackupRepository.Inspection found = check(BackupRepository.inspect(db), file);
            Instant now = clock.instant();
            Optional<Path> aside = Store.exists(dir) && dir.getParent() != null
                    ? Optional.of(freeName(dir.getParent(), dir.getFileName() + ".before-restore-"
                            + STAMP.format(now), ""))
                    : Optional.empty();
            openCheckAndRecord(staging, file, dir, aside, found, actor, clock);
            putInPlace(staging, dir, aside);
            return new RestoreResult(dir, found.applianceName().orElse(""), found.machines(), found.products(), aside);
        } finally {
            deleteTree(staging);
        }
    }

    /** Encrypts the snapshot into a temp file beside {@code target}, syncs, renames; returns the plaintext's SHA-256. */
    private byte[] writeEncrypted(Path snapshot, Path target, Passphrase passphrase, OfflineCrypto.Cost kdf)
            throws IOException {
        Path temp = target.resolveSibling("." + target.getFileName() + "." + hex(6) + ".tmp");
        MessageDigest sha = sha256();
        try {
            try (InputStream in = new DigestInputStream(new BufferedInputStream(Files.newInputStream(snapshot)), sha);
                    FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 16);
                OfflineCrypto.encryptBackup(in, out, passphrase, kdf, random);
                out.flush();
                ch.force(true);
            }
            move(temp, target);
            syncDirectory(target.getParent());
        } finally {
            Files.deleteIfExists(temp);
        }
        return sha.digest();
    }

    /** Reads the written file back and decrypts it; deletes it when it does not give the snapshot back. */
    private static void verifyWritten(Path target, Passphrase passphrase, byte[] digest) throws IOException {
        MessageDigest sha = sha256();
        boolean good = false;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(target), 1 << 16);
                OutputStream sink = new DigestOutputStream(OutputStream.nullOutputStream(), sha)) {
            OfflineCrypto.decryptBackup(in, sink, passphrase);
            good = MessageDigest.isEqual(sha.digest(), digest);
        } catch (OfflineCrypto.BackupUnreadable e) {
            good = false;
        } finally {
            if (!good) {
                Files.deleteIfExists(target);
            }
        }
        if (!good) {
            throw new IOException("wrote " + target + " but reading it back did not give the data store back"
                    + " (failing stick?); the file was deleted. Try another stick");
        }
    }

    private static void decryptInto(Path file, Path db, Passphrase passphrase) throws BackupException, IOException {
        try (InputStream in = new BufferedInputStream(dev.airlock.formats.outside.OutsideFiles.open(file), 1 << 16);
                FileChannel ch = FileChannel.open(db, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            OutputStream out = new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 16);
            OfflineCrypto.decryptBackup(in, out, passphrase);
            out.flush();
            ch.force(true);
        } catch (OfflineCrypto.BackupUnreadable e) {
            throw new BackupException(describe(e, file));
        }
    }

    private static String describe(OfflineCrypto.BackupUnreadable e, Path file) {
        return switch (e.reason()) {
            case WRONG_PASSPHRASE -> "wrong passphrase for this backup: type the supervisor passphrase the backup"
                    + " was made with; nothing was restored";
            case NOT_A_BACKUP -> file + " is not an Airlock backup (.alb) file; nothing was restored";
            case NEWER_VERSION -> file + " was written by a newer Airlock (" + e.getMessage()
                    + "): update this appliance first; nothing was restored";
            case DAMAGED, TRUNCATED -> e.getMessage() + "; nothing was restored. Use another copy of the backup";
        };
    }

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

    /** Moves any old store files aside, then the restored one in; puts the old ones back if that fails. */
    private static void putInPlace(Path staging, Path dir, Optional<Path> aside) throws IOException {
        List<String> movedAside = new ArrayList<>();
        if (aside.isPresent()) {
            Files.createDirectory(aside.get());
            for (String name : STORE_FILES) {
                if (Files.exists(dir.resolve(name))) {
                    move(dir.resolve(name), aside.get().resolve(name));
                    movedAside.add(name);
                }
            }
            syncDirectory(aside.get());
        } else if (Store.exists(dir)) {
            throw new IOException("a data store appeared in " + dir + " during the restore; nothing was restored");
        }
        try {
            for (String name : STORE_FILES) {
                if (Files.exists(staging.resolve(name))) {
                    move(staging.resolve(name), dir.resolve(name));
                }
            }
            syncDirectory(dir);
        } catch (IOException e) {
            for (String name : movedAside) {
                Files.move(aside.orElseThrow().resolve(name), dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            }
            throw e;
        }
    }

    private static Path freeName(Path dir, String base, String extension) {
        Path candidate = dir.resolve(base + extension);
        for (int n = 2; Files.exists(candidate); n++) {
            candidate = dir.resolve(base + "-" + n + extension);
        }
        return candidate;
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Some file systems (vfat through FUSE) cannot fsync a folder; the file itself was synced.
        }
    }

    private static void deleteStoreFiles(Path db) throws IOException {
        for (String suffix : new String[] {"", "-journal", "-wal", "-shm"}) {
            Files.deleteIfExists(db.resolveSibling(db.getFileName() + suffix));
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                Files.deleteIfExists(p);
            }
        }
        Files.deleteIfExists(dir);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    private static String hex(int bytes) {
        byte[] b = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
