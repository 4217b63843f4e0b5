package dev.airlock.appliance.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.appliance.audit.AuditEvent.Row;
import dev.airlock.appliance.keys.OfflineCrypto;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Each backup event renders the very row the service wrote by hand before (golden strings). */
class BackupEventsTest {
    @Test
    void backupWritten_rendersTargetSizeCountsAndCipher() {
        Path target = Path.of("/media/STICK/AIRLOCK/backup/airlock-backup-20250304-050607.alb");
        assertThat(new BackupEvents.BackupWritten(target, 40960, 12, 30,
                new OfflineCrypto.Cost(65536, 3)).row())
                .isEqualTo(new Row("backup.write", "backup airlock-backup-20250304-050607.alb",
                        "to /media/STICK/AIRLOCK/backup/airlock-backup-20250304-050607.alb; 40960 bytes; machines=12;"
                                + " products=30; AES-256-GCM, Argon2id m=65536KiB t=3 p=1"));
    }

    @Test
    void backupRestored_rendersFileDirCountsAndWhereTheOldStoreWent() {
        Path file = Path.of("/media/STICK/AIRLOCK/backup/airlock-backup-20250304-050607.alb");
        assertThat(new BackupEvents.BackupRestored("00ff", file, Path.of("/data"), 12, 30,
                Optional.of(Path.of("/data.before-restore-20250304-050607"))).row())
                .isEqualTo(new Row("backup.restore", "appliance 00ff",
                        "from airlock-backup-20250304-050607.alb into /data; machines=12; products=30; previous store"
                                + " moved to /data.before-restore-20250304-050607"));
        assertThat(new BackupEvents.BackupRestored("00ff", file, Path.of("/data"), 0, 0, Optional.empty())
                .row().details())
                .isEqualTo("from airlock-backup-20250304-050607.alb into /data; machines=0; products=0");
    }
}
