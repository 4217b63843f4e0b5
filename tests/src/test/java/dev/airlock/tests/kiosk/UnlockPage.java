package dev.airlock.tests.kiosk;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** The sealed screen after boot: the supervisor passphrase unlocks the appliance. */
final class UnlockPage extends Screen {
    UnlockPage(KioskBrowser b) {
        super(b);
        await("unlock-view");
    }

    UnlockPage type(String passphrase) {
        field(Texts.get("unlock.passphrase")).fill(passphrase);
        clickText(Texts.get("unlock.button"));
        return this;
    }

    /** Types a wrong passphrase and expects a message, staying sealed. */
    String wrong(String passphrase) {
        type(passphrase);
        assertThat(page.locator(".unlock-view .form-error")).not().isEmpty();
        assertThat(page.locator(".unlock-view")).isVisible();
        return page.locator(".unlock-view .form-error").innerText();
    }

    /** Unlocks a store without operators yet: the first-supervisor form follows. */
    SignInPage unlockFirst(String passphrase) {
        browser.screenshot("sealed");
        return unlock(passphrase);
    }

    SignInPage unlock(String passphrase) {
        type(passphrase);
        return new SignInPage(browser);
    }
}
