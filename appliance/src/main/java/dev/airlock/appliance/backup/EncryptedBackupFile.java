package dev.airlock.appliance.backup;

import static dev.airlock.appliance.backup.BackupFiles.hex;
import static dev.airlock.appliance.backup.BackupFiles.move;
import static dev.airlock.appliance.backup.BackupFiles.syncDirectory;

import dev.airlock.appliance.keys.OfflineCrypto;
import dev.airlock.appliance.keys.Passphrase;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/** The encrypted backup file (.alb): written atomically and read back to verify, decrypted for a restore. */
final class EncryptedBackupFile {
    private EncryptedBackupFile() {
    }

    /** Encrypts the snapshot into a temp file beside {@code target}, syncs, renames; returns the plaintext's SHA-256. */
    static byte[] writeEncrypted(Path snapshot, Path target, Passphrase passphrase, OfflineCrypto.Cost kdf,
            SecureRandom random) throws IOException {
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
    static void verifyWritten(Path target, Passphrase passphrase, byte[] digest) throws IOException {
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

    static void decryptInto(Path file, Path db, Passphrase passphrase) throws BackupException, IOException {
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

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
