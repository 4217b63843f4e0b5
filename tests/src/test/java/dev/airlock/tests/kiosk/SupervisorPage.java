package dev.airlock.tests.kiosk;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;

/** The supervisor's tabs: MAK vault, trust, operators, backup, audit, settings. */
final class SupervisorPage extends Screen {
    SupervisorPage(KioskBrowser b) {
        super(b);
        await("supervisor-view");
    }

    SupervisorPage tab(String name) {
        clickId("supervisor-tab-" + name);
        return this;
    }

    /** Adds an operator on the operators tab; returns the message shown. */
    String addOperator(String name, boolean supervisor, String pin) {
        tab("operators");
        fillId("operators-name", name);
        page.locator("#operators-role vaadin-radio-button", new com.microsoft.playwright.Page.LocatorOptions()
                .setHasText(Texts.get(supervisor ? "operator.supervisor" : "operator.technician"))).first().click();
        fillId("operators-pin", pin);
        fillId("operators-pin-again", pin);
        browser.screenshot("supervisor-operators-form");
        clickId("operators-add");
        assertThat(id("operators-grid")).containsText(name);
        return id("operators-message").innerText();
    }

    Locator auditGrid() {
        tab("audit");
        return id("audit-grid");
    }

    /** Verifies the audit chain; returns the result text. */
    String verifyAudit() {
        tab("audit");
        clickId("audit-verify");
        assertThat(id("audit-result")).not().isEmpty();
        return id("audit-result").innerText();
    }
}
