package dev.airlock.kiosk.core;

import dev.airlock.appliance.activation.ActivationKitService;
import dev.airlock.appliance.activation.ActivationService;
import dev.airlock.appliance.audit.AuditService;
import dev.airlock.appliance.backup.BackupService;
import dev.airlock.appliance.bundles.BundleService;
import dev.airlock.appliance.collector.CollectorKitService;
import dev.airlock.appliance.export.StickExport;
import dev.airlock.appliance.gateway.GatewayService;
import dev.airlock.appliance.intake.IntakeService;
import dev.airlock.appliance.inventory.InventoryService;
import dev.airlock.appliance.keys.KeyService;
import dev.airlock.appliance.keys.MakVault;
import dev.airlock.appliance.keys.TrustService;
import dev.airlock.appliance.ledger.BundleLedger;
import dev.airlock.appliance.merge.MergeService;
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
    IntakeService intakeService(ApplianceHolder holder) {
        return holder.get().intake();
    }

    @Bean
    @Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
    CollectorKitService collectorKitService(ApplianceHolder holder) {
        return holder.get().collectorKit();
    }

    @Bean
    @Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
    ActivationKitService activationKitService(ApplianceHolder holder) {
        return holder.get().activationKit();
    }

    @Bean
    @Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
    ActivationService activationService(ApplianceHolder holder) {
        return holder.get().activation();
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
    TrustService trustService(ApplianceHolder holder) {
        return holder.get().trust();
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
    GatewayService gatewayService(ApplianceHolder holder) {
        return holder.get().gateway();
    }

    @Bean
    @Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
    BundleLedger bundleLedger(ApplianceHolder holder) {
        return holder.get().ledger();
    }

    @Bean
    @Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
    StickExport stickExport(ApplianceHolder holder) {
        return holder.get().stickExport();
    }

    @Bean
    @Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
    MergeService mergeService(ApplianceHolder holder) {
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
