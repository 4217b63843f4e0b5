package dev.airlock.kiosk.core;

import com.vaadin.flow.spring.annotation.VaadinSessionScope;
import dev.airlock.appliance.apply.Apply;
import dev.airlock.appliance.collect.Collect;
import dev.airlock.appliance.audit.AuditService;
import dev.airlock.appliance.backup.BackupService;
import dev.airlock.appliance.bundles.BundleService;
import dev.airlock.appliance.config.Setting;
import dev.airlock.appliance.config.Settings;
import dev.airlock.appliance.export.Export;
import dev.airlock.appliance.gateway.GatewayService;
import dev.airlock.appliance.inventory.InventoryService;
import dev.airlock.appliance.keys.KeyService;
import dev.airlock.appliance.keys.MakVault;
import dev.airlock.appliance.enroll.Enroll;
import dev.airlock.appliance.ledger.BundleLedger;
import dev.airlock.appliance.merge.MergeService;
import dev.airlock.appliance.operators.OperatorService;
import dev.airlock.appliance.reimage.Reimage;
import dev.airlock.appliance.store.ApplianceInfo;
import dev.airlock.appliance.update.UpdateConfig;
import dev.airlock.appliance.update.UpdateService;
import java.time.Clock;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;

/**
 * Wires the plain-Java appliance into Spring: one holder, one seal, the guard, background work,
 * the operator session per Vaadin session, and the appliance's services.
 *
 * <p>The services are prototype beans read from the {@link ApplianceHolder} each time they are
 * asked for, because the appliance behind them changes at run time (the first-run setup creates
 * it, a restore swaps the store). Views therefore take an {@code ObjectProvider<Service>} in their
 * constructor and call {@code getObject()} when they act, never keep a service past one action.
 */
@Configuration
public class KioskBeans {
    /** The operator of one browser session: who is signed in, locked or not. */
    @Bean
    @VaadinSessionScope
    KioskSession kioskSession() {
        return new KioskSession();
    }

    /** The translations, with outside text in their arguments shown, never laid out. */
    @Bean
    com.vaadin.flow.i18n.I18NProvider i18nProvider() {
        return new ShownTranslations(KioskBeans.class.getClassLoader());
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    KioskPaths kioskPaths(@Value("${airlock.data:}") String data) {
        return KioskPaths.resolve(data, System.getenv(), System.getProperty("airlock.defaultData", ""));
    }

    @Bean(destroyMethod = "close")
    ApplianceHolder applianceHolder(KioskPaths paths, Clock clock) {
        return new ApplianceHolder(paths, clock);
    }

    @Bean
    Seal seal(ApplianceHolder holder) {
        return new Seal(holder);
    }

    @Bean
    AccessGuard accessGuard(ApplianceHolder holder, Seal seal,
            org.springframework.beans.factory.ObjectProvider<KioskSession> sessions) {
        return new AccessGuard(holder, seal, sessions);
    }

    @Bean
    LoopbackOnly loopbackOnly() {
        return new LoopbackOnly();
    }

    @Bean(destroyMethod = "close")
    BackgroundWork backgroundWork() {
        return new BackgroundWork();
    }

    @Bean(destroyMethod = "close")
    Devices devices(KioskSettings settings, KioskPaths paths, Clock clock) {
        return new Devices(settings, paths, clock);
    }

    /** Restarts into an installed update: {@code systemctl reboot}, which polkit on the image allows the kiosk. */
    @Bean
    dev.airlock.appliance.update.Restarter restarter() {
        return dev.airlock.appliance.update.Restarter.systemctl();
    }

    // --- the appliance's services, from the appliance the holder holds now ------------------------

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
    Export export(ApplianceHolder holder) {
        return holder.get().export();
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

    @Bean
    KioskSettings kioskSettings(KioskPaths paths) {
        return new KioskSettings(paths);
    }

    /** Settings as the kiosk reads them: the data dir's airlock.conf, then AIRLOCK_* variables. */
    public static final class KioskSettings {
        private final KioskPaths paths;

        KioskSettings(KioskPaths paths) {
            this.paths = paths;
        }

        public Settings current() {
            return Settings.load(paths.dataDir(), System.getenv(), Map.of());
        }

        public String value(Setting s) {
            return current().value(s);
        }

        public int intValue(Setting s) {
            return Integer.parseInt(value(s));
        }

        /** Writes one setting to airlock.conf (validated by the setting itself). */
        public void set(Setting s, String value) throws java.io.IOException {
            Settings.set(paths.dataDir(), s, value);
        }
    }
}
