package dev.airlock.kiosk.home;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.appliance.store.ApplianceInfo;
import dev.airlock.kiosk.testing.KioskViewTest;
import org.junit.jupiter.api.Test;

class HomeGatewayViewTest extends KioskViewTest {
    @Test
    void gatewayHome_showsCacheAndTrustedLabsAndAsksForARequest() {
        signedIn(ApplianceInfo.Role.GATEWAY, true);
        HomeView view = navigate(HomeView.class);
        assertThat(view.bars).isNull();
        assertThat(view.gatewaySummary.getElement().getTextRecursively()).contains("CIDs cached", "Trusted labs: 0");
        assertThat(view.steps.getElement().getTextRecursively()).contains("transfer stick with a request");
    }
}
