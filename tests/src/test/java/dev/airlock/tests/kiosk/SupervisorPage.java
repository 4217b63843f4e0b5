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

    /** Trust tab: writes our key card to the stick labelled {@code stick}; returns the notice shown. */
    String writeOurCard(String stick) {
        tab("trust");
        pick("trust-card-stick", stick + " (");
        clickId("trust-card-write");
        Locator notice = page.locator("vaadin-notification-card", new com.microsoft.playwright.Page.LocatorOptions()
                .setHasText(Texts.prefix("supervisor.trust.written"))).first();
        assertThat(notice).isVisible(new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions()
                .setTimeout(30_000));
        return notice.innerText();
    }

    /** Trust tab: our fingerprint as shown (30 digits in 6 groups). */
    String ourFingerprint() {
        tab("trust");
        return id("trust-our-fingerprint").innerText().replaceAll("\\D", "");
    }

    /** Trust tab: chooses the peer's card file {@code fileName}, types its fingerprint, trusts; returns the message. */
    String trustCard(String fileName, String fingerprint) {
        tab("trust");
        pick("trust-import", fileName);
        String digits = fingerprint.replaceAll("\\D", "");
        Locator groups = page.locator("#trust-fingerprint .digit-group-field input");
        for (int g = 0; g < 6; g++) {
            groups.nth(g).fill(digits.substring(5 * g, 5 * g + 5));
            browser.settle();
        }
        browser.screenshot("supervisor-trust-typed");
        clickId("trust-confirm");
        assertThat(id("trust-message")).containsText(Texts.prefix("supervisor.trust.pinned"));
        return id("trust-message").innerText();
    }

    /** Opens the combo box {@code id} and chooses the (first) item containing {@code text}. */
    private void pick(String id, String text) {
        Locator item = page.locator("vaadin-combo-box-item", new com.microsoft.playwright.Page.LocatorOptions()
                .setHasText(text)).first();
        for (int tries = 0; tries < 40 && !item.isVisible(); tries++) {
            input(id).click();
            browser.settle();
            if (!item.isVisible()) {
                page.keyboard().press("Escape");
                page.waitForTimeout(500); // the stick watcher polls once a second
            }
        }
        click(item);
    }

    Locator auditGrid() {
        tab("audit");
        return id("audit-grid");
    }

    /** Signs the audit log's head with the button next to "Verify"; returns the result text. */
    String signAuditHead() {
        tab("audit");
        clickId("audit-sign");
        assertThat(id("audit-result")).containsText("Signed the head");
        return id("audit-result").innerText();
    }

    /** The audit tab's line on the last signed head and the rows since. */
    String auditSignedState() {
        tab("audit");
        return id("audit-signed-state").innerText();
    }

    /** Verifies the chain and the signed heads; waits for an answer that contains {@code expected}. */
    String verifyAudit(String expected) {
        tab("audit");
        clickId("audit-verify");
        assertThat(id("audit-result")).containsText(expected);
        return id("audit-result").innerText();
    }

    /** Verifies the audit chain; returns the result text. */
    String verifyAudit() {
        tab("audit");
        clickId("audit-verify");
        assertThat(id("audit-result")).not().isEmpty();
        return id("audit-result").innerText();
    }
}
