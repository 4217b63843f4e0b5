package dev.airlock.tests.kiosk;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import java.io.IOException;
import java.nio.file.Path;

/** What the kiosk benchmark (dev.airlock.bench.KioskBench) drives through the page objects. */
public final class BenchSupport {
    private BenchSupport() {}

    /** A fresh chromium as the journeys use it. */
    public static KioskBrowser browser(String name, Path profiles, int width, int height) throws IOException {
        return KioskBrowser.open(name, profiles, width, height);
    }

    /** Loads the start page of a fresh kiosk (the setup screen) and waits until Vaadin has rendered it. */
    public static void firstPage(KioskBrowser b, KioskProcess k) {
        b.go(k.base());
        assertThat(b.page.locator(".setup-view, .unlock-view, .sign-in-view").first()).isVisible();
    }

    /** A short journey on a fresh lab kiosk: setup, first supervisor, every lab screen and the supervisor's. */
    public static void journey(KioskBrowser b, KioskProcess k) {
        b.go(k.base());
        SetupPage setup = new SetupPage(b);
        setup.create(true, "Bench kiosk", Kiosk.PASSPHRASE);
        setup.continueToSignIn();
        new SignInPage(b).createFirstSupervisor(Kiosk.SUPERVISOR, Kiosk.SUPERVISOR_PIN);
        for (String path : new String[] {"collect", "machines", "export", "import", "apply", "reimage",
                "supervisor/operators", "supervisor/audit", ""}) {
            b.go(k.base() + path);
        }
    }

    /** Unlocks a store set up elsewhere and signs in the first supervisor (created here). */
    public static void unlockAndSignIn(KioskBrowser b, KioskProcess k, String passphrase) {
        b.go(k.base());
        new UnlockPage(b).unlock(passphrase).createFirstSupervisor(Kiosk.SUPERVISOR, Kiosk.SUPERVISOR_PIN);
    }

    /**
     * Opens the machines view, scrolls its grid to {@code row} and returns the milliseconds until
     * the rows there are rendered (the grid's lazy fetch through the data provider included).
     */
    public static double scrollGridMillis(KioskBrowser b, KioskProcess k, int row) {
        b.go(k.base() + "machines");
        Page page = b.page;
        assertThat(page.locator("#machines-grid")).isVisible();
        page.waitForFunction("() => { const g = document.querySelector('#machines-grid');"
                + " return g && !g.hasAttribute('loading') && g.querySelectorAll('vaadin-grid-cell-content').length > 0; }");
        Object ms = page.evaluate("""
                (row) => new Promise(resolve => {
                  const g = document.querySelector('#machines-grid');
                  const t0 = performance.now();
                  g.scrollToIndex(row);
                  const done = () => {
                    const rows = Array.from(g.shadowRoot.querySelectorAll('tr[part~="row"]'))
                        .filter(r => r.index >= row - 1 && r.index <= row + 5);
                    const filled = rows.length > 0 && rows.every(r => Array.from(r.querySelectorAll('slot'))
                        .some(s => s.assignedElements().some(e => e.textContent.trim().length > 0)));
                    if (!g.hasAttribute('loading') && filled) { resolve(performance.now() - t0); }
                    else { requestAnimationFrame(done); }
                  };
                  requestAnimationFrame(done);
                })""", row);
        return ((Number) ms).doubleValue();
    }
}
