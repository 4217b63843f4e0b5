package dev.airlock.kiosk.core;

import dev.airlock.appliance.apply.Apply;
import dev.airlock.appliance.audit.AuditService;
import dev.airlock.appliance.backup.BackupService;
import dev.airlock.appliance.bundles.BundleService;
import dev.airlock.appliance.collect.Collect;
import dev.airlock.appliance.enroll.Enroll;
import dev.airlock.appliance.export.Export;
import dev.airlock.appliance.gateway.Gateway;
import dev.airlock.appliance.inventory.InventoryService;
import dev.airlock.appliance.keys.KeyService;
import dev.airlock.appliance.keys.MakVault;
import dev.airlock.appliance.ledger.BundleLedger;
import dev.airlock.appliance.merge.Merge;
import dev.airlock.appliance.operators.OperatorService;
import dev.airlock.appliance.reimage.Reimage;
import dev.airlock.appliance.store.ApplianceInfo;
import dev.airlock.appliance.update.UpdateConfig;
import dev.airlock.appliance.update.UpdateService;
import dev.airlock.kiosk.core.KioskBeans.KioskSettings;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;

/**
 * The appliance's services as prototype beans, read from the appliance the {@link ApplianceHolder}
 * holds now each time they are asked for (see {@link KioskBeans} for why views take providers).
 */
@Configuration
public class ApplianceServiceBeans {
    @Bean
    @Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
    ApplianceInfo applianceInfo(ApplianceHolder holder) {
        return holder.get().info();
    }

    @Bean
    @Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
    InventoryService inventoryService(ApplianceHolder holder) {
        return holder.get().inventory();
    }

    @Bean
    @Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
    Collect collect(ApplianceHolder holder) {
        return holder.get().collect();
    }

    @Bean
    @Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
    Apply apply(ApplianceHolder holder) {
        return holder.get().apply();
    }

    @Bean
    @Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
    Reimage reimage(ApplianceHolder holder) {
        return holder.get().reimage();
    }

    @Bean
    @Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
    KeyService keyService(ApplianceHolder holder) {
        return holder.get().keys();
    }

    @Bean
    @Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
    Enroll enroll(ApplianceHolder holder) {
        return holder.get().enroll();
    }

    @Bean
    @Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
    MakVault makVault(ApplianceHolder holder) {
        return holder.get().makVault();
    }

    @Bean
    @Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
    BundleService bundleService(ApplianceHolder holder) {
        return holder.get().bundles();
    }

    @Bean
    @Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
    Gateway gateway(ApplianceHolder holder) {
        return holder.get().gateway();
    }

    @Bean
    @Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
    BundleLedger bundleLedger(ApplianceHolder holder) {
        return holder.get().ledger();
    }

    @Bean
    @Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
    Export export(ApplianceHolder holder) {
        return holder.get().export();
    }

    @Bean
    @Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
    Merge merge(ApplianceHolder holder) {
        return holder.get().merge();
    }

    @Bean
    @Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
    OperatorService operatorService(ApplianceHolder holder) {
        return holder.get().operators();
    }

    @Bean
    @Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
    BackupService backupService(ApplianceHolder holder) {
        return holder.get().backup();
    }

    @Bean
    @Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
    AuditService auditService(ApplianceHolder holder) {
        return holder.get().audit();
    }

    /** The update service as the settings configure it now (read again each time it is asked for). */
    @Bean
    @Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
    UpdateService updateService(ApplianceHolder holder, KioskSettings settings,
            dev.airlock.appliance.update.Restarter restarter) {
        return holder.get().update(UpdateConfig.from(settings.current()).withRestarter(restarter));
    }
}
