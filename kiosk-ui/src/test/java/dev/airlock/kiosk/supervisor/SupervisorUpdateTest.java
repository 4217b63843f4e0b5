package dev.airlock.kiosk.supervisor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.appliance.Appliance;
import dev.airlock.appliance.config.Setting;
import dev.airlock.appliance.config.Settings;
import dev.airlock.appliance.devices.Stick;
import dev.airlock.appliance.devices.StickKind;
import dev.airlock.appliance.store.ApplianceInfo.Role;
import dev.airlock.appliance.testing.UpdateRelease;
import dev.airlock.appliance.update.Restarter;
import dev.airlock.kiosk.testing.KioskViewTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.bean.override.convention.TestBean;

/** The System update tab: verify, back up or skip, install in the background, the system's status, restart. */
class SupervisorUpdateTest extends KioskViewTest {
    static final String RUNNING = "2026.11.02.1";
    static final String NEXT = "2026.12.01.3";
    static final AtomicInteger RESTARTS = new AtomicInteger();

    @TestBean
    Restarter restarter;

    static Restarter restarter() {
        return RESTARTS::incrementAndGet;
    }

    UpdateRelease release;
    Path stickRoot;

    @BeforeEach
    void release() throws IOException {
        release = new UpdateRelease(Files.createTempDirectory("image"), RUNNING);
        Settings.set(dataDir(), Setting.UPDATE_RELEASE_KEY, release.releaseKey.toString());
        Settings.set(dataDir(), Setting.UPDATE_OS_RELEASE, release.osRelease.toString());
        stickRoot = Files.createTempDirectory("stick");
        Path update = dataDir().resolve("update");
        Files.deleteIfExists(update.resolve("request"));
        Files.deleteIfExists(update.resolve("status"));
    }

    private UpdateTab open(Path manifest) {
        SupervisorView view = navigate(SupervisorView.class, "update");
        UpdateTab tab = view.update;
        if (manifest != null) {
            tab.onStick.updateFile.setItems(manifest);
            tab.onStick.updateFile.setValue(manifest);
        }
        return tab;
    }

    @Test
    void outsideAnApplianceImage_saysSo_andOffersNothing() throws Exception {
        signedIn(Role.LAB, true);
        release.running(null);
        UpdateTab tab = open(null);
        assertThat(tab.running.getText()).isEqualTo("This is not an appliance image; updates apply only on the"
                + " appliance.");
        assertThat(tab.onStick.isVisible()).isFalse();
        assertThat(tab.statusLine.status.isVisible()).isFalse();
        assertThat(tab.statusLine.restart.isVisible()).isFalse();
    }

    @Test
    void verify_skipBackup_install_thenTheSystemsStatus_andRestart() throws Exception {
        Appliance a = signedIn(Role.LAB, true);
        Path manifest = UpdateRelease.write(stickRoot, NEXT, 2 << 20);
        UpdateTab tab = open(manifest);
        assertThat(tab.running.getText()).isEqualTo("Running version " + RUNNING + ".");
        assertThat(tab.statusLine.status.getText()).isEqualTo("No update is waiting.");
        assertThat(tab.onStick.install.isVisible()).isFalse();

        test(tab.onStick.verify).click();
        finishBackgroundWork();
        assertThat(tab.onStick.verifyResult.getText()).isEqualTo("Version " + NEXT + " (built 2026-12-01 10:00 UTC) is signed"
                + " with the release key, and its image (2.0 MiB) is complete and unchanged. It can be installed.");
        assertThat(tab.onStick.backupStep.isVisible()).isTrue();
        assertThat(tab.onStick.install.isVisible()).isTrue();
        assertThat(tab.onStick.install.isEnabled()).as("install waits for a backup or an explicit skip").isFalse();

        test(tab.onStick.backupStep.skipBackup).click();
        assertThat(tab.onStick.backupStep.backupResult.getText()).isEqualTo("No backup was made: you chose to skip it.");
        assertThat(tab.onStick.install.isEnabled()).isTrue();
        assertThat(tab.onStick.install.getText()).isEqualTo("Install version " + NEXT);
        test(tab.onStick.install).click();
        finishBackgroundWork();
        assertThat(tab.onStick.installResult.getText()).isEqualTo("Version " + NEXT + " is copied into the appliance and"
                + " checked. The system now writes it to its spare slot.");
        assertThat(Files.readString(dataDir().resolve("update/request"))).isEqualTo("airlock-" + NEXT + ".update\n");
        assertThat(a.audit().recent(1, "").get(0).action()).isEqualTo("update.stage");
        assertThat(a.audit().recent(1, "").get(0).operator()).isEqualTo("Sam Supervisor");
        assertThat(tab.statusLine.status.getText()).isEqualTo("Version " + NEXT + " waits for the system to write it.");

        // the system's helper picks the request up, writes the slot, says ready
        Path dir = dataDir().resolve("update");
        Files.delete(dir.resolve("request"));
        Files.writeString(dir.resolve("status"), "state=writing\nversion=" + NEXT + "\nslot=b\nmessage=\n");
        tab.refreshStatus();
        assertThat(tab.statusLine.status.getText()).isEqualTo("The system is writing version " + NEXT + " to its spare slot...");
        assertThat(tab.statusLine.restart.isVisible()).isFalse();
        Files.writeString(dir.resolve("status"), "state=ready\nversion=" + NEXT + "\nslot=b\nmessage=\n");
        tab.refreshStatus();
        assertThat(tab.statusLine.status.getText()).isEqualTo("Version " + NEXT + " is written and ready. Restart to start it.");
        assertThat(tab.statusLine.restart.isVisible()).isTrue();
        assertThat(tab.statusLine.restart.getText()).isEqualTo("Restart into version " + NEXT);
        int before = RESTARTS.get();
        test(tab.statusLine.restart).click();
        finishBackgroundWork();
        assertThat(RESTARTS.get()).isEqualTo(before + 1);
        assertThat(tab.statusLine.status.getText()).startsWith("Restarting into version " + NEXT + ".");
        assertThat(tab.statusLine.restart.isVisible()).isFalse();
        tab.refreshStatus();
        assertThat(tab.statusLine.status.getText()).as("stays while the screen goes").startsWith("Restarting into version");
        assertThat(a.audit().recent(1, "").get(0).action()).isEqualTo("update.restart");

        // after the restart: the new version runs (or the old one, when the new one did not come up)
        Files.setLastModifiedTime(dir.resolve("status"), java.nio.file.attribute.FileTime.fromMillis(0));
        release.running(NEXT);
        tab.refresh();
        assertThat(tab.running.getText()).isEqualTo("Running version " + NEXT + ".");
        assertThat(tab.statusLine.status.getText()).isEqualTo("Version " + NEXT + " is installed and running.");
        assertThat(tab.statusLine.restart.isVisible()).isFalse();
        release.running(RUNNING);
        tab.refresh();
        assertThat(tab.statusLine.status.getText()).isEqualTo("Version " + NEXT + " did not start, so the appliance went back to"
                + " version " + RUNNING + " by itself. The record is unchanged.");
    }

    @Test
    void backupFirst_toAStick_thenInstallIsOffered() throws Exception {
        signedIn(Role.LAB, true);
        Path manifest = UpdateRelease.write(stickRoot, NEXT, 64 * 1024);
        UpdateTab tab = open(manifest);
        test(tab.onStick.verify).click();
        finishBackgroundWork();
        Stick stick = new Stick(stickRoot, "UPDATE", StickKind.EMPTY, false, 0, 0, 0, 0, -1);
        tab.onStick.backupStep.backupStick.setItems(stick);
        tab.onStick.backupStep.backupStick.setValue(stick);
        test(tab.onStick.backupStep.backup).click();
        finishBackgroundWork();
        assertThat(tab.onStick.backupStep.backupResult.getText()).startsWith("Backup airlock-backup-").contains("written to UPDATE");
        try (Stream<Path> s = Files.list(stickRoot.resolve("AIRLOCK/backup"))) {
            assertThat(s.toList()).hasSize(1);
        }
        assertThat(tab.onStick.install.isEnabled()).isTrue();
        assertThat(tab.onStick.backupStep.skipBackup.isEnabled()).isFalse();
    }

    @Test
    void aTamperedUpdate_isRefusedWithTheReason_andOffersNoInstall() throws Exception {
        signedIn(Role.LAB, true);
        Path manifest = UpdateRelease.write(stickRoot, NEXT, 64 * 1024);
        Path image = manifest.resolveSibling("airlock-" + NEXT + ".root.squashfs");
        byte[] b = Files.readAllBytes(image);
        b[100] ^= 1;
        Files.write(image, b);
        UpdateTab tab = open(manifest);
        test(tab.onStick.verify).click();
        finishBackgroundWork();
        assertThat(tab.onStick.verifyResult.getText()).startsWith("This update cannot be installed. The image airlock-" + NEXT
                + ".root.squashfs does not match the checksum the release key signed");
        assertThat(tab.onStick.install.isVisible()).isFalse();
        assertThat(tab.onStick.backupStep.isVisible()).isFalse();

        // an older version only with the explicit choice
        Path older = UpdateRelease.write(stickRoot, "2026.10.01.1", 1024);
        tab.onStick.updateFile.setItems(older);
        tab.onStick.updateFile.setValue(older);
        test(tab.onStick.verify).click();
        finishBackgroundWork();
        assertThat(tab.onStick.verifyResult.getText()).contains("older than the running version " + RUNNING);
        test(tab.onStick.reinstall).click();
        test(tab.onStick.verify).click();
        finishBackgroundWork();
        assertThat(tab.onStick.verifyResult.getText()).contains("It is not newer than the running version " + RUNNING
                + ": you chose to install it anyway.");
        assertThat(tab.onStick.install.isVisible()).isTrue();
    }
}
