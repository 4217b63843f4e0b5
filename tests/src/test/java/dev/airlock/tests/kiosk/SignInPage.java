package dev.airlock.tests.kiosk;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.assertions.LocatorAssertions;

/** Sign-in: the first supervisor form, operator names, the touch PIN pad, the locked notice. */
final class SignInPage extends Screen {
    SignInPage(KioskBrowser b) {
        super(b);
        await("sign-in-view");
    }

    /** With no operators yet: creates the first supervisor and lands on home. */
    HomePage createFirstSupervisor(String name, String pin) {
        field(Texts.get("signin.firstName")).fill(name);
        field(Texts.get("signin.firstPin")).fill(pin);
        field(Texts.get("signin.firstPinAgain")).fill(pin);
        browser.screenshot("first-supervisor");
        clickText(Texts.get("signin.createFirst"));
        return new HomePage(browser);
    }

    Locator name(String operator) {
        return page.locator("[data-operator=\"" + operator + "\"]");
    }

    SignInPage choose(String operator) {
        click(name(operator));
        assertThat(page.locator(".sign-in-view .pin-pad")).isVisible();
        return this;
    }

    /** Types {@code pin} on the touch keys and presses OK. */
    SignInPage typePin(String pin) {
        Locator keys = page.locator(".sign-in-view .pin-keys");
        for (char c : pin.toCharArray()) {
            keys.locator("vaadin-button.pin-key", new Locator.LocatorOptions().setHasText(String.valueOf(c))).click();
        }
        browser.settle();
        assertThat(page.locator(".sign-in-view .pin-dots")).hasText("●".repeat(pin.length()));
        click(keys.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName(Texts.get("signin.ok")).setExact(true)));
        return this;
    }

    String message() {
        Locator m = page.locator(".sign-in-view .form-error");
        assertThat(m).not().isEmpty();
        return m.innerText();
    }

    /** Chooses {@code operator} (unless the pad is already shown) and signs in. */
    HomePage signIn(String operator, String pin) {
        if (!page.locator(".sign-in-view .pin-pad").isVisible()) {
            choose(operator);
        }
        typePin(pin);
        return new HomePage(browser);
    }

    /**
     * Waits (without touching the page, which would reset the idle timer) until the screen has
     * locked itself and shows the locked notice: a condition, not a fixed pause.
     */
    static SignInPage awaitIdleLock(KioskBrowser b, double timeoutMillis) {
        assertThat(b.page.locator(".sign-in-view").first())
                .containsText(Texts.get("signin.locked"), new LocatorAssertions.ContainsTextOptions().setTimeout(timeoutMillis));
        return new SignInPage(b);
    }

    boolean showsLockedNotice() {
        assertThat(page.locator(".sign-in-view")).containsText(Texts.get("signin.locked"));
        return true;
    }
}
