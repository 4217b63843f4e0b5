package dev.airlock.tests.kiosk;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every main screen at 1024x600 and 1920x1080: nothing wider than the window, every visible
 * button, field and navigation entry at least 48 px high, words on every state badge, and the
 * screen's main action reachable with Tab. One screenshot per screen and size.
 */
@ExtendWith(FailureShot.class)
class LayoutCheck {
    static final int MIN_TARGET = 48;
    /** Route, then the id of its main action (reached with Tab), or null. */
    static final Map<String, String> SCREENS = new LinkedHashMap<>();

    static {
        SCREENS.put("", null);
        SCREENS.put("collect", "collect-manual-host");
        SCREENS.put("machines", "machines-search");
        SCREENS.put("export", "export-write");
        SCREENS.put("import", "import-scan");
        SCREENS.put("apply", null);
        SCREENS.put("reimage", null);
        SCREENS.put("supervisor/mak", null);
        SCREENS.put("supervisor/trust", null);
        SCREENS.put("supervisor/operators", "operators-add");
        SCREENS.put("supervisor/backup", null);
        SCREENS.put("supervisor/audit", "audit-verify");
        SCREENS.put("supervisor/settings", "settings-save");
        SCREENS.put("supervisor/update", "update-verify");
    }

    static final String OVERFLOW = """
            () => {
              const out = [];
              const se = document.scrollingElement;
              if (se.scrollWidth > window.innerWidth + 1) out.push('page ' + se.scrollWidth + ' > ' + window.innerWidth);
              document.querySelectorAll('.kiosk-view').forEach(v => {
                if (v.scrollWidth > v.clientWidth + 1) {
                  const right = v.getBoundingClientRect().right;
                  const culprits = Array.from(v.querySelectorAll('*'))
                      .filter(e => e.getBoundingClientRect().right > right + 1 && e.getBoundingClientRect().width > 0)
                      .filter(e => !Array.from(e.children).some(c => c.getBoundingClientRect().right > right + 1))
                      .slice(0, 3)
                      .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && e.className.baseVal === undefined && e.className ? '.' + String(e.className).split(' ').join('.') : ''));
                  out.push('view ' + v.className + ' ' + v.scrollWidth + ' > ' + v.clientWidth + ', sticking out: ' + culprits.join(', '));
                }
              });
              return out;
            }""";

    /** Visible touch targets lower than the minimum: "tag#id 'text' WxH". */
    static final String SMALL_TARGETS = """
            (min) => {
              const out = [];
              const visible = r => r.width > 0 && r.height > 0;
              const describe = (el, r) => {
                const t = (el.innerText || el.getAttribute('aria-label') || el.placeholder || '').trim().slice(0, 30);
                return el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + " '" + t + "' "
                    + Math.round(r.width) + 'x' + Math.round(r.height);
              };
              document.querySelectorAll('vaadin-button, vaadin-side-nav-item').forEach(el => {
                if (el.closest('[hidden]')) return;
                const r = el.getBoundingClientRect();
                if (visible(r) && r.height < min - 0.5) out.push(describe(el, r));
              });
              document.querySelectorAll('input').forEach(el => {
                if (el.closest('[hidden]')) return;
                let box = el;
                const host = el.closest('vaadin-text-field, vaadin-password-field, vaadin-integer-field, vaadin-number-field,'
                    + ' vaadin-combo-box, vaadin-text-area, vaadin-email-field, vaadin-date-picker');
                if (el.type === 'radio' || el.type === 'checkbox') {
                  box = el.closest('vaadin-radio-button, vaadin-checkbox') || el;
                } else if (host && host.shadowRoot && host.shadowRoot.querySelector('[part~="input-field"]')) {
                  box = host.shadowRoot.querySelector('[part~="input-field"]');
                }
                const r = box.getBoundingClientRect();
                if (visible(el.getBoundingClientRect()) && r.height < min - 0.5) out.push(describe(host || el, r));
              });
              return out;
            }""";

    static final String EMPTY_BADGES = """
            () => Array.from(document.querySelectorAll('.state-badge'))
                .filter(b => b.getBoundingClientRect().width > 0 && !b.innerText.trim())
                .map(b => b.className)""";

    /** Buttons whose label is cut off (text wider than the button). */
    static final String CUT_LABELS = """
            () => Array.from(document.querySelectorAll('vaadin-button')).filter(b => {
                const r = b.getBoundingClientRect();
                if (r.width === 0) return false;
                const label = b.shadowRoot && b.shadowRoot.querySelector('[part=label]');
                return label && label.scrollWidth > label.clientWidth + 1;
              }).map(b => 'vaadin-button' + (b.id ? '#' + b.id : '') + " '" + b.innerText.trim() + "'")""";

    /** Whether the focused element (through shadow roots) is the element with the id, or inside it. */
    static final String FOCUS_IN = """
            (id) => {
              let a = document.activeElement;
              while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement;
              const t = document.getElementById(id);
              if (!t || !a) return false;
              let e = a;
              while (e) {
                if (e === t) return true;
                e = e.parentElement || (e.getRootNode && e.getRootNode().host) || null;
              }
              return false;
            }""";

    static Kiosk kiosk;
    final List<String> problems = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        // an appliance image with an update on a folder stick, so the update screen shows all it has
        dev.airlock.appliance.testing.UpdateRelease release = new dev.airlock.appliance.testing.UpdateRelease(
                java.nio.file.Files.createTempDirectory("layout-image"), "2026.11.02.1");
        kiosk = Kiosk.start("layout", o -> o.env("AIRLOCK_UPDATE_OS_RELEASE", release.osRelease.toString())
                .env("AIRLOCK_UPDATE_RELEASE_KEY", release.releaseKey.toString()), 1024, 600, dir -> {
            dev.airlock.appliance.testing.UpdateRelease.write(dir.resolve("media/UPDATE"), "2026.12.01.3", 4096);
            Path data = dir.resolve("data");
            AirlockCli.ok(data, "init", "--role", "lab", "--name", "Lab 3");
            Path demo = dir.resolve("demo");
            AirlockCli.ok(null, "demo", "--machines", "30", "--to", demo.toString());
            AirlockCli.ok(data, "intake", demo.toString(), "-q");
        });
    }

    @AfterAll
    static void stop() throws Exception {
        if (kiosk != null) {
            kiosk.close();
        }
    }

    @Test
    void everyScreen_atBothSizes_fitsHasBigTargetsWordsAndTab() {
        KioskBrowser b = kiosk.browser;
        b.wholeScreens = false; // here the window size is the point
        kiosk.open();
        UnlockPage unlock = new UnlockPage(b);
        check("unlock", "1024x600");
        b.screenshot("1024x600-unlock");
        SignInPage signIn = unlock.unlock(Kiosk.PASSPHRASE);
        check("sign-in-first", "1024x600");
        signIn.createFirstSupervisor(Kiosk.SUPERVISOR, Kiosk.SUPERVISOR_PIN);
        for (int[] size : new int[][] {{1024, 600}, {1920, 1080}}) {
            String s = size[0] + "x" + size[1];
            b.resize(size[0], size[1]);
            for (Map.Entry<String, String> screen : SCREENS.entrySet()) {
                b.go(kiosk.url(screen.getKey()));
                String name = screen.getKey().isEmpty() ? "home" : screen.getKey().replace('/', '-');
                b.screenshot(s + "-" + name);
                check(name, s);
                if (screen.getValue() != null) {
                    tabReaches(name + " " + s, screen.getValue());
                }
            }
            if (size[0] == 1024) {
                // The full-screen QR frames (once: showing them exports the products).
                b.go(kiosk.url("export"));
                new ExportPage(b).showQr();
                b.screenshot(s + "-export-qr");
                check("export-qr", s);
                for (String id : List.of("qr-prev", "qr-next", "qr-pause", "qr-density", "qr-speed", "export-qr-close")) {
                    reachable("export-qr " + s, id);
                }
                b.page.keyboard().press("Escape");
                // What the technician sees after pressing a button: the result where the eye is.
                resultInView(s, "supervisor/audit", "audit-verify", "audit-result", null);
                resultInView(s, "supervisor/audit", "audit-sign", "audit-result", null);
                resultInView(s, "supervisor/settings", "settings-save", "settings-message", null);
                resultInView(s, "supervisor/mak", "mak-add", "mak-error", "mak-key");
                resultInView(s, "supervisor/operators", "operators-add", "operators-message", null);
                resultInView(s, "collect", "collect-manual-save", "collect-manual-error", null);
                // the update screen once an update verified: the backup step and the install button fit too
                resultInView(s, "supervisor/update", "update-verify", "update-verify-result", null);
                b.page.waitForFunction("() => (document.getElementById('update-verify-result') || {}).innerText"
                        + " && document.getElementById('update-verify-result').innerText.includes('can be installed')",
                        null, new Page.WaitForFunctionOptions().setTimeout(30_000));
                b.screenshot(s + "-supervisor-update-verified");
                check("supervisor-update-verified", s);
                opensAtTop(s, "machines", "export");
            }
        }
        new Frame(b).signOut();
        check("sign-in", "1920x1080");
        b.screenshot("1920x1080-sign-in");
        new SignInPage(b).choose(Kiosk.SUPERVISOR);
        check("pin-pad", "1920x1080");
        b.screenshot("1920x1080-pin-pad");
        assertThat(problems).as("layout problems").isEmpty();
    }

    @SuppressWarnings("unchecked")
    private void check(String screen, String size) {
        Page page = kiosk.browser.page;
        kiosk.browser.settle();
        String where = screen + " at " + size + ": ";
        for (Object o : (List<Object>) page.evaluate(OVERFLOW)) {
            problems.add(where + "wider than the window: " + o);
        }
        for (Object o : (List<Object>) page.evaluate(SMALL_TARGETS, MIN_TARGET)) {
            problems.add(where + "touch target under " + MIN_TARGET + " px: " + o);
        }
        for (Object o : (List<Object>) page.evaluate(EMPTY_BADGES)) {
            problems.add(where + "state badge without words: " + o);
        }
        for (Object o : (List<Object>) page.evaluate(CUT_LABELS)) {
            problems.add(where + "button label cut off: " + o);
        }
    }

    /** The element can be seen and touched: scrolled into view, its centre is not covered or clipped. */
    private void reachable(String where, String id) {
        Page page = kiosk.browser.page;
        if (page.locator("#" + id).count() == 0) {
            problems.add(where + ": no #" + id);
            return;
        }
        Object ok = page.evaluate("""
                (id) => {
                  const el = document.getElementById(id);
                  el.scrollIntoView({block: 'center', inline: 'center'});
                  const r = el.getBoundingClientRect();
                  if (r.width === 0 || r.height === 0) return 'not shown';
                  const x = r.left + r.width / 2, y = r.top + r.height / 2;
                  if (x < 0 || y < 0 || x > innerWidth || y > innerHeight) return 'outside the window';
                  let hit = document.elementFromPoint(x, y);
                  while (hit && hit.shadowRoot && hit.shadowRoot.elementFromPoint(x, y) && hit.shadowRoot.elementFromPoint(x, y) !== hit) {
                    hit = hit.shadowRoot.elementFromPoint(x, y);
                  }
                  for (let e = hit; e; e = e.parentElement || (e.getRootNode && e.getRootNode().host) || null) {
                    if (e === el) return 'ok';
                  }
                  return 'covered or cut off (' + (hit ? hit.tagName.toLowerCase() + (hit.id ? '#' + hit.id : '') : 'nothing') + ' at its centre)';
                }""", id);
        if (!"ok".equals(ok)) {
            problems.add(where + ": #" + id + " " + ok);
        }
    }

    /** Where the element's box is against the window: "ok", or what is wrong. */
    static final String IN_WINDOW = """
            (id) => {
              const el = document.getElementById(id);
              if (!el) return 'missing';
              const r = el.getBoundingClientRect();
              if (r.width === 0 || r.height === 0) return 'not shown';
              if (r.top < 0 || r.top > innerHeight - 16) return 'outside the window (top ' + Math.round(r.top) + ' of ' + innerHeight + ')';
              return 'ok';
            }""";

    /**
     * Presses the action (after scrolling the screen to its end, or after typing into {@code typeInto})
     * and checks that its result element gets words and starts inside the window.
     */
    private void resultInView(String size, String route, String actionId, String resultId, String typeInto) {
        Page page = kiosk.browser.page;
        kiosk.browser.go(kiosk.url(route));
        kiosk.browser.settle();
        String where = route + " at " + size + ", result of #" + actionId;
        if (page.locator("#" + actionId).count() == 0) {
            problems.add(where + ": no #" + actionId);
            return;
        }
        if (typeInto != null) {
            page.locator("#" + typeInto + " input").first().fill("NOT-A-KEY");
        }
        page.locator("#" + actionId).first().click();
        try {
            page.waitForFunction("(id) => { const e = document.getElementById(id);"
                    + " return e && (e.innerText || '').trim().length > 0; }", resultId,
                    new Page.WaitForFunctionOptions().setTimeout(15_000));
        } catch (RuntimeException e) {
            problems.add(where + ": #" + resultId + " never showed words");
            return;
        }
        kiosk.browser.settle();
        Object ok = page.evaluate(IN_WINDOW, resultId);
        kiosk.browser.screenshot(size + "-result-" + resultId);
        if (!"ok".equals(ok)) {
            problems.add(where + ": #" + resultId + " " + ok);
        }
    }

    /** Scrolled down on one screen, the next screen opened from the navigation starts at its top. */
    private void opensAtTop(String size, String first, String next) {
        Page page = kiosk.browser.page;
        kiosk.browser.go(kiosk.url(first));
        kiosk.browser.settle();
        page.evaluate("() => document.querySelectorAll('.kiosk-view').forEach(v => v.scrollIntoView(false))");
        page.mouse().wheel(0, 2000);
        page.locator("vaadin-side-nav-item[path='" + next + "']").first().click();
        page.waitForURL("**/" + next);
        kiosk.browser.settle();
        Object top = page.evaluate("() => { const h = document.querySelector('.kiosk-view h1');"
                + " return h ? Math.round(h.getBoundingClientRect().top) : -9999; }");
        if (!(top instanceof Number n) || n.intValue() < 0 || n.intValue() > 200) {
            problems.add(next + " at " + size + " opened from a scrolled " + first + ": its heading is at " + top
                    + " px, not at the top");
        }
    }

    private void tabReaches(String where, String id) {
        Page page = kiosk.browser.page;
        if (page.locator("#" + id).count() == 0) {
            problems.add(where + ": no #" + id + " to reach with Tab");
            return;
        }
        if (page.locator("#" + id).first().isDisabled()) {
            return; // nothing to do on this screen now (e.g. nothing left to export): not focusable, rightly
        }
        // Start from the top of the document, as after a fresh page load (no click: it could hit a link).
        page.evaluate("() => { if (document.activeElement) document.activeElement.blur(); window.focus(); }");
        for (int i = 0; i < 80; i++) {
            page.keyboard().press("Tab");
            if (Boolean.TRUE.equals(page.evaluate(FOCUS_IN, id))) {
                return;
            }
        }
        problems.add(where + ": Tab never reaches #" + id);
    }
}
