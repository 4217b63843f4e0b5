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

    /**
     * Picks the by-hand row of {@code host} and waits for its CID; returns how many CID groups stand on
     * each line of the screen, top to bottom (8, or 4 and 4; never 7 and 1).
     */
    java.util.List<Integer> showCid(String host) {
        browser.page.locator("#apply-machines vaadin-grid-cell-content",
                new com.microsoft.playwright.Page.LocatorOptions().setHasText(host)).first().click();
        assertThat(browser.page.locator(".apply-cid-groups")).isVisible();
        browser.settle();
        @SuppressWarnings("unchecked")
        java.util.List<Number> rows = (java.util.List<Number>) browser.page.evaluate("""
                () => {
                  const tops = new Map();
                  document.querySelectorAll('.apply-cid-groups .digit-group').forEach(g => {
                    const t = Math.round(g.getBoundingClientRect().top);
                    tops.set(t, (tops.get(t) || 0) + 1);
                  });
                  return Array.from(tops.entries()).sort((a, b) => a[0] - b[0]).map(e => e[1]);
                }""");
        return rows.stream().map(Number::intValue).toList();
    }
}
