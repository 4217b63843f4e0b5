/**
 * Encrypted backups of the whole record store onto a stick, and restoring one into a data dir
 * ({@link dev.airlock.appliance.backup.BackupService}). A backup is a consistent SQLite snapshot
 * ({@code VACUUM INTO}) encrypted under a key derived from the supervisor passphrase (see
 * {@code keys.OfflineCrypto} for the file format); a restore checks the passphrase, the database's
 * integrity, its schema version and its audit chain before anything is put in place.
 */
package dev.airlock.appliance.backup;
