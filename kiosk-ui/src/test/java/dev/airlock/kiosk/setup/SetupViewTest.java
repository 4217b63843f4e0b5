package dev.airlock.kiosk.setup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.appliance.store.ApplianceInfo;
import dev.airlock.kiosk.testing.KioskViewTest;
import org.junit.jupiter.api.Test;

class SetupViewTest extends KioskViewTest {
    @Test
    void create_withMismatchedPassphrases_saysSoAndCreatesNothing() {
        SetupView view = navigate(SetupView.class);
        test(view.label).setValue("Lab 3 kiosk");
        test(view.passphrase).setValue("correct horse battery staple");
        test(view.again).setValue("correct horse battery stapel");
        test(view.create).click();
        assertThat(view.error.getText()).contains("differ");
        assertThat(holder.isSetUp()).isFalse();
    }

    @Test
    void create_withShortPassphrase_refusesWithTheRule() {
        SetupView view = navigate(SetupView.class);
        test(view.label).setValue("Lab 3 kiosk");
        test(view.passphrase).setValue("short");
        test(view.again).setValue("short");
        test(view.create).click();
        assertThat(view.error.getText()).contains("too short");
        assertThat(holder.isSetUp()).isFalse();
    }

    @Test
    void create_makesTheKeysAndShowsTheFingerprintLarge() {
        SetupView view = navigate(SetupView.class);
        view.role.setValue(ApplianceInfo.Role.GATEWAY);
        test(view.label).setValue("Gateway 1");
        test(view.passphrase).setValue("correct horse battery staple");
        test(view.again).setValue("correct horse battery staple");
        test(view.create).click();
        assertThat(holder.isSetUp()).isTrue();
        assertThat(holder.get().info().role()).isEqualTo(ApplianceInfo.Role.GATEWAY);
        assertThat(seal.isSealed()).isFalse();
        assertThat(view.getElement().getTextRecursively()).contains("Gateway 1 is ready", "Key fingerprint");
    }
}
