package dev.airlock.kiosk.signin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.appliance.audit.Actor;
import dev.airlock.appliance.operators.OperatorRole;
import dev.airlock.appliance.store.ApplianceInfo;
import dev.airlock.kiosk.testing.KioskViewTest;
import org.junit.jupiter.api.Test;

/** A fresh store: the first supervisor is created on the sign-in screen; then wrong PINs lock out. */
class SignInFirstRunTest extends KioskViewTest {
    private void typePin(SignInView view, String pin) {
        for (char c : pin.toCharArray()) {
            test(view.pad.digits[c - '0']).click();
        }
        test(view.pad.ok).click();
    }

    @Test
    void signIn_walksFromFirstSupervisorToWrongPinToLockout() throws Exception {
        setUp(ApplianceInfo.Role.LAB);
        // no operators yet: the first supervisor is created here
        SignInView view = navigate(SignInView.class);
        test(view.firstName).setValue("Sam");
        test(view.firstPin).setValue("2468");
        test(view.firstPinAgain).setValue("2469");
        test(view.createFirst).click();
        assertThat(view.message.getText()).contains("differ");
        test(view.firstPin).setValue("2468");
        test(view.firstPinAgain).setValue("2468");
        test(view.createFirst).click();
        assertThat(session().isSupervisor()).isTrue();

        holder.get().operators().add("Tess", OperatorRole.TECHNICIAN, "1357".toCharArray(), new Actor("Sam"));
        session().signOut();
        view = navigate(SignInView.class);
        var tess = holder.get().operators().findByName("Tess").orElseThrow();
        view.choose(tess);
        typePin(view, "0000");
        assertThat(view.message.getText()).contains("wrong", "4 more");
        for (int i = 0; i < 4; i++) {
            typePin(view, "0000");
        }
        typePin(view, "1357");
        assertThat(view.message.getText()).contains("locked");
        assertThat(session().isActive()).isFalse();
    }

}
