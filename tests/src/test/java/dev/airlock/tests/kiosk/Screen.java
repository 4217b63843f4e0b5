package dev.airlock.tests.kiosk;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/** What every page object shares: finding by id, label and button text, the frame's navigation. */
abstract class Screen {
    final KioskBrowser browser;
    final Page page;

    Screen(KioskBrowser browser) {
        this.browser = browser;
        this.page = browser.page;
    }

    Locator id(String id) {
        return page.locator("#" + id);
    }

    /** The input inside the Vaadin field with this id. */
    Locator input(String id) {
        return page.locator("#" + id + " input, #" + id + " textarea").first();
    }

    Locator field(String label) {
        return page.getByLabel(label, new Page.GetByLabelOptions().setExact(true));
    }

    Locator button(String text) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(text).setExact(true));
    }

    void click(Locator l) {
        l.click();
        browser.settle();
    }

    void clickId(String id) {
        click(id(id));
    }

    void clickText(String text) {
        click(button(text));
    }

    void fillId(String id, String value) {
        input(id).fill(value);
        browser.settle();
    }

    /** Waits until the view root with class {@code <name>-view} is shown. */
    void await(String viewClass) {
        assertThat(page.locator("." + viewClass).first()).isVisible();
        browser.settle();
    }

    /** Opens {@code path} in the address bar (a fresh page load, as a typed URL would). */
    void open(String path) {
        browser.go(page.url().replaceAll("^(https?://[^/]+)/.*$", "$1/") + path);
    }

    /** A navigation entry of the main layout, by its text. */
    Locator navItem(String key) {
        return page.locator("vaadin-side-nav-item", new Page.LocatorOptions().setHasText(Texts.get(key)));
    }

    void nav(String key) {
        click(navItem(key));
    }

    /** The layout's Lock button. */
    SignInPage lock() {
        clickText(Texts.get("layout.lock"));
        return new SignInPage(browser);
    }

    /** The layout's Sign out button. */
    SignInPage signOut() {
        clickText(Texts.get("layout.signOut"));
        return new SignInPage(browser);
    }

    Screen screenshot(String name) {
        browser.screenshot(name);
        return this;
    }
}
