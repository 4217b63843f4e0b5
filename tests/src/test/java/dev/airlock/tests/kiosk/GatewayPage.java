package dev.airlock.tests.kiosk;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.assertions.LocatorAssertions;

/** Gateway mode: a request from a stick (or QR) verified, run online or by phone, the response written. */
final class GatewayPage extends Screen {
    GatewayPage(KioskBrowser b) {
        super(b);
        await("gateway-view");
    }

    /** Waits for a stick with a request, verifies it; returns the summary. */
    String verify() {
        assertThat(id("gateway-verify")).isEnabled(new LocatorAssertions.IsEnabledOptions().setTimeout(20_000));
        clickId("gateway-verify");
        assertThat(id("gateway-summary")).not().isEmpty();
        return id("gateway-summary").innerText();
    }

    /** Runs the request against BatchActivation online; returns the result line. */
    String runOnline() {
        assertThat(id("gateway-online")).isEnabled();
        clickId("gateway-online");
        assertThat(id("gateway-result")).not().isEmpty(new LocatorAssertions.IsEmptyOptions().setTimeout(90_000));
        return id("gateway-result").innerText();
    }
}
