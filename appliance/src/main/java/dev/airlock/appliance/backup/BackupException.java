package dev.airlock.appliance.backup;

/** A backup or restore was refused (wrong passphrase, damaged file, a store in the way); the message says what to do. */
public final class BackupException extends Exception {
    private static final long serialVersionUID = 1L;

    public BackupException(String message) {
        super(message);
    }
}
