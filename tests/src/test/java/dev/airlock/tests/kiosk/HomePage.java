package dev.airlock.tests.kiosk;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;

/** Home: counts per state as bars and the next step in plain words; the frame around it. */
final class HomePage extends Screen {
    HomePage(KioskBrowser b) {
        super(b);
        await("home-view");
    }

    /** The next-step lines shown (ids home-next-step-<n>). */
    java.util.List<String> nextSteps() {
        return page.locator("[id^=home-next-step-]").allInnerTexts();
    }

    Locator bars() {
        return id("home-bars");
    }

    /** The count on the bar of {@code state} (e.g. VERIFIED). */
    int count(String state) {
        Locator c = page.locator("#home-bars .bar-row[data-state=" + state + "] .bar-count");
        assertThat(c).isVisible();
        return Integer.parseInt(c.innerText().replaceAll("[^0-9]", ""));
    }

    boolean hasNav(String key) {
        return navItem(key).count() > 0;
    }

    void expectNoNav(String key) {
        assertThat(navItem(key)).hasCount(0);
    }

    /** Waits until a notification containing {@code text} shows. */
    void expectNotice(String text) {
        assertThat(page.locator("vaadin-notification-card", new com.microsoft.playwright.Page.LocatorOptions()
                .setHasText(text)).first()).isVisible();
    }

}
