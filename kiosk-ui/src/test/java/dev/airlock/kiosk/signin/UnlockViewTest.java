package dev.airlock.kiosk.signin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.appliance.store.ApplianceInfo;
import dev.airlock.kiosk.testing.KioskViewTest;
import org.junit.jupiter.api.Test;

class UnlockViewTest extends KioskViewTest {
    @Test
    void unlock_withWrongPassphrase_staysSealedAndSaysSo_thenTheRightOneUnseals() {
        setUp(ApplianceInfo.Role.LAB);
        seal.seal();
        UnlockView view = navigate(UnlockView.class);
        test(view.passphrase).setValue("not the passphrase at all");
        test(view.unlock).click();
        assertThat(view.error.getText()).containsIgnoringCase("wrong");
        assertThat(seal.isSealed()).isTrue();
        test(view.passphrase).setValue(PASSPHRASE);
        test(view.unlock).click();
        assertThat(seal.isSealed()).isFalse();
    }
}
