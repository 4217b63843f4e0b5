package dev.airlock.tests.kiosk;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.assertions.LocatorAssertions;

/** Export: choose, preview what leaves the lab, write to a transfer stick or show QR frames. */
final class ExportPage extends Screen {
    ExportPage(KioskBrowser b) {
        super(b);
        await("export-view");
    }

    Locator preview() {
        return id("export-preview");
    }

    /** Waits until the stick combo box holds a stick whose label contains {@code label}. */
    ExportPage awaitStick(String label) {
        assertThat(page.locator("#export-stick vaadin-select-value-button")).containsText(label,
                new LocatorAssertions.ContainsTextOptions().setTimeout(20_000));
        return this;
    }

    /** Writes to the chosen stick and waits for the result; returns its text. */
    String write() {
        clickId("export-write");
        assertThat(id("export-result")).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(60_000));
        return id("export-result").innerText();
    }

    String message() {
        assertThat(id("export-message")).not().isEmpty();
        return id("export-message").innerText();
    }

    /** Shows the QR frames dialog. */
    QrFrames showQr() {
        clickId("export-show-qr");
        assertThat(id("qr-frame-image")).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(60_000));
        // the dialog's opening animation has ended when it drops its "opening" state attribute
        page.locator("vaadin-dialog[opened]:not([opening])").first().waitFor(new Locator.WaitForOptions()
                .setState(com.microsoft.playwright.options.WaitForSelectorState.ATTACHED));
        return new QrFrames(browser);
    }
}
