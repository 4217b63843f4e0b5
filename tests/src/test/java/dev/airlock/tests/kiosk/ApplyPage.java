package dev.airlock.tests.kiosk;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.assertions.LocatorAssertions;

/** Apply: the activation kit onto the lab stick, CIDs per machine, results read back. */
final class ApplyPage extends Screen {
    ApplyPage(KioskBrowser b) {
        super(b);
        await("apply-view");
    }

    /** Writes the kit to the chosen (lab) stick; returns the result text. */
    String writeKit() {
        assertThat(id("apply-kit-write")).isEnabled(new LocatorAssertions.IsEnabledOptions().setTimeout(20_000));
        clickId("apply-kit-write");
        assertThat(id("apply-kit-result")).not().isEmpty(new LocatorAssertions.IsEmptyOptions().setTimeout(60_000));
        return id("apply-kit-result").innerText();
    }

    /** Waits until the stick's results are offered, reads them; returns the summary. */
    String importResults() {
        assertThat(id("apply-results-import")).isEnabled(new LocatorAssertions.IsEnabledOptions().setTimeout(30_000));
        browser.screenshot("apply-results-waiting");
        clickId("apply-results-import");
        assertThat(id("apply-results-summary")).hasText(java.util.regex.Pattern.compile("\\d+ files?:.*"),
                new LocatorAssertions.HasTextOptions().setTimeout(60_000));
        return id("apply-results-summary").innerText();
    }
}
