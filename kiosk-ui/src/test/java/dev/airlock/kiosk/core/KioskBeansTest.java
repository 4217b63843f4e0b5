package dev.airlock.kiosk.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.appliance.Appliance;
import dev.airlock.appliance.audit.Actor;
import dev.airlock.appliance.backup.BackupResult;
import dev.airlock.appliance.collect.IntakeOptions;
import dev.airlock.appliance.demo.DemoData;
import dev.airlock.appliance.inventory.InventoryService;
import dev.airlock.appliance.inventory.ProductFilter;
import dev.airlock.appliance.keys.Passphrase;
import dev.airlock.appliance.store.ApplianceInfo.Role;
import dev.airlock.kiosk.testing.KioskViewTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;

/** The injected services follow the appliance the holder holds now; the operator session is one per Vaadin session. */
class KioskBeansTest extends KioskViewTest {
    @Autowired
    ObjectProvider<InventoryService> inventory;

    @Test
    void injectedServices_afterARestore_areTheRestoredAppliances() throws Exception {
        Appliance before = signedIn(Role.LAB, true);
        Path demo = Files.createTempDirectory("demo");
        before.collect().ingest(List.of(new DemoData(Clock.systemUTC()).write(2, demo, 1, n -> { })),
                IntakeOptions.defaults(), new Actor("test"), o -> { });
        long products = inventory.getObject().countProducts(ProductFilter.all());
        assertThat(products).isPositive();
        assertThat(inventory.getObject()).isSameAs(before.inventory());

        Path stick = Files.createTempDirectory("stick");
        BackupResult backup;
        try (Passphrase p = Passphrase.of(PASSPHRASE)) {
            backup = before.backup().backup(stick, p, new Actor("test"));
        }
        try (Passphrase p = Passphrase.of(PASSPHRASE)) {
            holder.restore(backup.file(), p, new Actor("test"));
        }

        assertThat(holder.get()).isNotSameAs(before);
        assertThat(inventory.getObject()).isSameAs(holder.get().inventory()).isNotSameAs(before.inventory());
        assertThat(inventory.getObject().countProducts(ProductFilter.all())).isEqualTo(products);
    }

    @Test
    void operatorSession_isOnePerVaadinSession_andSignOutForgetsTheOperator() {
        signedIn(Role.LAB, false);
        assertThat(session()).isSameAs(session());
        assertThat(session().isActive()).isTrue();
        session().signOut();
        assertThat(session().isActive()).isFalse();
    }
}
