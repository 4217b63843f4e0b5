package dev.airlock.appliance.backup;

import dev.airlock.appliance.audit.AuditEvent;
import dev.airlock.appliance.keys.OfflineCrypto;
import java.nio.file.Path;
import java.util.Optional;

/** What the audit log records about backups: one written to a stick, one restored (recorded in the restored store). */
sealed interface BackupEvents extends AuditEvent {
    /** An encrypted backup written to {@code target}: its size, what it holds and the key derivation it used. */
    record BackupWritten(Path target, long bytes, long machines, long products, OfflineCrypto.Cost kdf)
            implements BackupEvents {
        @Override
        public Row row() {
            return new Row("backup.write", "backup " + target.getFileName(), "to " + target + "; " + bytes
                    + " bytes; machines=" + machines + "; products=" + products + "; AES-256-GCM, " + kdf);
        }
    }

    /** Appliance {@code applianceId} restored from {@code file} into {@code dir}; the store it replaced set aside. */
    record BackupRestored(String applianceId, Path file, Path dir, long machines, long products,
            Optional<Path> previousStore) implements BackupEvents {
        @Override
        public Row row() {
            return new Row("backup.restore", "appliance " + applianceId, "from " + file.getFileName() + " into " + dir
                    + "; machines=" + machines + "; products=" + products
                    + previousStore.map(a -> "; previous store moved to " + a).orElse(""));
        }
    }
}
