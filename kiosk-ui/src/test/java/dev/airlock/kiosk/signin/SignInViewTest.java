package dev.airlock.kiosk.signin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.appliance.audit.Actor;
import dev.airlock.appliance.operators.OperatorRole;
import dev.airlock.appliance.store.ApplianceInfo;
import dev.airlock.kiosk.testing.KioskViewTest;
import org.junit.jupiter.api.Test;

class SignInViewTest extends KioskViewTest {
    private void typePin(SignInView view, String pin) {
        for (char c : pin.toCharArray()) {
            test(view.pad.digits[c - '0']).click();
        }
        test(view.pad.ok).click();
    }

    @Test
    void signIn_afterIdleLock_offersTheSameOperatorAndGoesOn() throws Exception {
        setUp(ApplianceInfo.Role.LAB);
        if (holder.get().operators().findByName("Ada").isEmpty()) {
            holder.get().operators().add("Ada", OperatorRole.TECHNICIAN, "8642".toCharArray(), new Actor("t"));
        }
        var ada = holder.get().operators().findByName("Ada").orElseThrow();
        session().signIn(new dev.airlock.kiosk.core.SignedInOperator(ada.id(), "Ada", false));
        session().lock();
        SignInView view = navigate(SignInView.class);
        assertThat(view.who.getText()).contains("Ada");
        typePin(view, "8642");
        assertThat(session().isActive()).isTrue();
        assertThat(session().isSupervisor()).isFalse();
    }
}
