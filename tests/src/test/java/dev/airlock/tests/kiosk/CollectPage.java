package dev.airlock.tests.kiosk;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.assertions.LocatorAssertions;

/** Collect: the lab stick's files taken in with progress and outcomes; manual IID entry. */
final class CollectPage extends Screen {
    CollectPage(KioskBrowser b) {
        super(b);
        await("collect-view");
    }

    /** Waits for the lab stick to be offered, imports it, waits for the summary; returns it. */
    String importStick() {
        assertThat(id("collect-stick-import")).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(20_000));
        assertThat(id("collect-stick-import")).isEnabled();
        browser.screenshot("collect-stick-detected");
        clickId("collect-stick-import");
        assertThat(id("collect-summary")).not().isEmpty(new LocatorAssertions.IsEmptyOptions().setTimeout(60_000));
        return id("collect-summary").innerText();
    }

    /** Writes the collector kit onto the stick offered (a lab or empty stick); returns the result line. */
    String writeCollectorKit() {
        assertThat(id("collect-kit-write")).isEnabled(new LocatorAssertions.IsEnabledOptions().setTimeout(20_000));
        clickId("collect-kit-write");
        assertThat(id("collect-kit-result")).not().isEmpty(new LocatorAssertions.IsEmptyOptions().setTimeout(30_000));
        return id("collect-kit-result").innerText();
    }

    Locator outcomes() {
        return id("collect-outcomes");
    }

    /** The input of IID group {@code n} (1-based). */
    Locator iidGroup(int n) {
        return page.locator("#collect-manual-iid .digit-group-field input").nth(n - 1);
    }

    /** The field (vaadin-text-field) of IID group {@code n} (1-based): carries the invalid and flagged marks. */
    Locator iidGroupField(int n) {
        return page.locator("#collect-manual-iid vaadin-text-field.digit-group-field").nth(n - 1);
    }

    /** The read-back's line about a group whose check digit does not fit. */
    Locator readBackFlag() {
        return id("collect-readback-flag");
    }

    /** Types into one IID group (as a burst of keys) and lets the server catch up. */
    CollectPage typeGroup(int n, String digits) {
        iidGroup(n).fill(digits);
        browser.settle();
        return this;
    }

    String groupsMessage() {
        return page.locator("#collect-manual-iid .digit-groups-message").innerText();
    }

    /** Fills the machine and picks the first known product. */
    CollectPage machineAndProduct(String host) {
        fillId("collect-manual-host", host);
        input("collect-manual-product").click();
        page.locator("vaadin-combo-box-item").first().click();
        browser.settle();
        return this;
    }

    /** Presses Save: either the read-back opens or an error shows. */
    CollectPage save() {
        clickId("collect-manual-save");
        return this;
    }

    Locator readBack() {
        return id("collect-readback-confirm");
    }

    /** Confirms the read-back; returns the result line. */
    String confirm() {
        clickId("collect-readback-confirm");
        assertThat(id("collect-manual-result")).not().isEmpty();
        return id("collect-manual-result").innerText();
    }

    Locator manualError() {
        return id("collect-manual-error");
    }
}
