package dev.airlock.kiosk.core;

import com.vaadin.flow.spring.annotation.VaadinSessionScope;
import dev.airlock.appliance.config.Setting;
import dev.airlock.appliance.config.Settings;
import java.time.Clock;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the plain-Java appliance into Spring: one holder, one seal, the guard, background work,
 * the operator session per Vaadin session, and the kiosk's settings.
 *
 * <p>The appliance's services ({@link ApplianceServiceBeans}) are prototype beans read from the
 * {@link ApplianceHolder} each time they are asked for, because the appliance behind them changes
 * at run time (the first-run setup creates it, a restore swaps the store). Views therefore take an
 * {@code ObjectProvider<Service>} in their constructor and call {@code getObject()} when they act,
 * never keep a service past one action.
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
