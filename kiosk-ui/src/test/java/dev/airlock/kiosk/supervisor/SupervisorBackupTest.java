package dev.airlock.kiosk.supervisor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.appliance.Appliance;
import dev.airlock.appliance.audit.Actor;
import dev.airlock.appliance.collect.IntakeOptions;
import dev.airlock.appliance.demo.DemoData;
import dev.airlock.appliance.devices.Stick;
import dev.airlock.appliance.devices.StickKind;
import dev.airlock.appliance.inventory.ProductFilter;
import dev.airlock.appliance.store.ApplianceInfo.Role;
import dev.airlock.kiosk.testing.KioskViewTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

class SupervisorBackupTest extends KioskViewTest {
    @Test
    void backupToAFolderStick_thenRestore_givesTheSameCounts_andAWrongPassphraseRestoresNothing() throws Exception {
        Appliance a = signedIn(Role.LAB, true);
        Path demo = Files.createTempDirectory("demo");
        Path collected = new DemoData(Clock.systemUTC()).write(3, demo, 1, n -> { });
        a.collect().ingest(List.of(collected), IntakeOptions.defaults(), new Actor("test"), o -> { });
        long products = a.inventory().countProducts(ProductFilter.all());
        assertThat(products).isPositive();

        Path stickRoot = Files.createTempDirectory("stick");
        Stick stick = new Stick(stickRoot, "STICK1", StickKind.EMPTY, false, 0, 0, 0, 0, -1);
        SupervisorView view = navigate(SupervisorView.class, "backup");
        BackupTab tab = view.backup;
        tab.stick.setItems(stick);
        tab.stick.setValue(stick);
        test(tab.write).click();
        waitFor(() -> tab.result.getText().contains("written") || tab.result.getText().contains("failed"));
        assertThat(tab.result.getText()).contains("3 machines", products + " products");
        List<Path> backups;
        try (var s = Files.list(stickRoot.resolve("AIRLOCK/backup"))) {
            backups = s.toList();
        }
        assertThat(backups).hasSize(1);

        // a change after the backup: the restore must take it away again
        Path more = Files.createTempDirectory("demo2");
        new DemoData(Clock.systemUTC()).write(2, 100, more, 2, n -> { });
        a.collect().ingest(List.of(more), IntakeOptions.defaults(), new Actor("test"), o -> { });
        assertThat(a.inventory().countProducts(ProductFilter.all())).isGreaterThan(products);

        tab.restoring.restoreFile.setItems(backups.get(0));
        tab.restoring.restoreFile.setValue(backups.get(0));

        // the wrong passphrase restores nothing and says so
        test(tab.restoring.restore).click();
        roundTrip();
        test(tab.restoring.restoreDialog.restorePassphrase).setValue("not the passphrase at all");
        test(tab.restoring.restoreDialog.restoreConfirm).click();
        waitFor(() -> tab.restoring.restoreMessage.getText().contains("Nothing") || tab.restoring.lastRestore != null);
        assertThat(tab.restoring.lastRestore).isNull();
        assertThat(tab.restoring.restoreMessage.getText()).contains("Nothing was restored");
        assertThat(holder.get().inventory().countProducts(ProductFilter.all())).isGreaterThan(products);

        // the right one replaces the record with the backup's
        test(tab.restoring.restore).click();
        roundTrip();
        assertThat(tab.restoring.restoreDialog.isOpened()).isTrue();
        assertThat(tab.restoring.restoreDialog.restoreWarning.getText()).contains("REPLACES");
        test(tab.restoring.restoreDialog.restorePassphrase).setValue(PASSPHRASE);
        test(tab.restoring.restoreDialog.restoreConfirm).click();
        waitFor(() -> tab.restoring.lastRestore != null || tab.restoring.restoreMessage.getText().contains("Nothing"));
        assertThat(tab.restoring.lastRestore).isNotNull();
        assertThat(tab.restoring.lastRestore.machines()).isEqualTo(3);
        assertThat(tab.restoring.lastRestore.products()).isEqualTo(products);
        assertThat(holder.get().inventory().countProducts(ProductFilter.all())).isEqualTo(products);
        assertThat(seal.isSealed()).isTrue();
        assertThat(holder.get().audit().verify()).isInstanceOf(dev.airlock.appliance.audit.ChainReport.Intact.class);
    }

    private void waitFor(BooleanSupplier done) {
        finishBackgroundWork();
        assertThat(done.getAsBoolean()).as("the background work's outcome is shown").isTrue();
    }
}
