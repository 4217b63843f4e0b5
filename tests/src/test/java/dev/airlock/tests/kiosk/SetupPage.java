package dev.airlock.tests.kiosk;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** First-run setup: role, name, passphrase twice, then the fingerprint. */
final class SetupPage extends Screen {
    SetupPage(KioskBrowser b) {
        super(b);
        await("setup-view");
    }

    /** Fills the form and creates the appliance; returns the fingerprint shown. */
    String create(boolean lab, String name, String passphrase) {
        page.getByText(Texts.get(lab ? "setup.role.lab" : "setup.role.gateway"), new com.microsoft.playwright.Page.GetByTextOptions().setExact(true)).click();
        field(Texts.get("setup.label")).fill(name);
        field(Texts.get("setup.passphrase")).fill(passphrase);
        field(Texts.get("setup.passphraseAgain")).fill(passphrase);
        browser.screenshot("setup");
        clickText(Texts.get("setup.create"));
        assertThat(page.locator(".setup-view .fingerprint")).isVisible(
                new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions().setTimeout(60_000));
        browser.screenshot("setup-fingerprint");
        return page.locator(".setup-view .fingerprint").innerText();
    }

    void continueToSignIn() {
        clickText(Texts.get("setup.continue"));
    }
}
