package dev.airlock.tests.kiosk;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.assertions.LocatorAssertions;

/** Import: a response on a stick verified and merged, or QR frames scanned. */
final class ImportPage extends Screen {
    ImportPage(KioskBrowser b) {
        super(b);
        await("import-view");
    }

    /** Waits for a stick with a response, verifies and merges it; returns the summary. */
    String importStick() {
        assertThat(id("import-stick-import")).isEnabled(new LocatorAssertions.IsEnabledOptions().setTimeout(20_000));
        browser.screenshot("import-stick-detected");
        clickId("import-stick-import");
        assertThat(id("import-summary")).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(60_000));
        return id("import-summary").innerText();
    }

    /** Opens the scan panel. */
    ImportPage openScan() {
        clickId("import-scan");
        assertThat(id("qr-scan-input")).isVisible();
        return this;
    }

    /** Waits until the merge after a completed scan shows its summary; returns it. */
    String awaitSummary() {
        assertThat(id("import-summary")).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(60_000));
        return id("import-summary").innerText();
    }

    String scanMessage() {
        return id("qr-scan-message").innerText();
    }
}
