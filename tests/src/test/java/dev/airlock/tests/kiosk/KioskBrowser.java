package dev.airlock.tests.kiosk;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Debian's chromium driven by Playwright: a persistent context in a fresh profile dir, headless,
 * with the flags an offline CI box needs. Saves a full-page screenshot of every screen a journey
 * visits as {@code tests/target/screenshots/<journey>-<nn>-<screen>.png}.
 */
public final class KioskBrowser implements AutoCloseable {
    public static final Path CHROMIUM = Path.of(System.getProperty("airlock.chromium", "/usr/bin/chromium"));
    public static final Path SCREENSHOTS = KioskProcess.ROOT.resolve("tests/target/screenshots");
    static final List<String> FLAGS = List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-dev-shm-usage");

    /** Waits until every Vaadin Flow client on the page is idle (no request in flight). */
    static final String VAADIN_IDLE = "() => !!(window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients"
            + " && Object.keys(window.Vaadin.Flow.clients).length > 0"
            + " && Object.values(window.Vaadin.Flow.clients).every(c => !c.isActive || !c.isActive()))";

    /** How tall the signed-in view is in full (0 while a dialog is open: then the window is what counts). */
    static final String CONTENT_HEIGHT = "() => { if (document.querySelector('vaadin-dialog-overlay[opened], vaadin-dialog[opened]')) return 0;"
            + " const v = document.querySelector('.kiosk-view'); if (!v) return 0;"
            + " const top = v.getBoundingClientRect().top + (v.parentElement ? v.parentElement.scrollTop || 0 : 0);"
            + " return Math.ceil(Math.max(v.scrollHeight, v.getBoundingClientRect().height) + Math.max(0, top) + 24); }";

    /** Screenshots show the whole view (the window made taller for the shot); false: exactly the window. */
    boolean wholeScreens = true;

    private final Playwright playwright;
    private final BrowserContext context;
    private final String journey;
    private final List<String> shots = new java.util.ArrayList<>();
    public final Page page;
    private int shot;

    private KioskBrowser(Playwright playwright, BrowserContext context, String journey) {
        this.playwright = playwright;
        this.context = context;
        this.journey = journey;
        this.page = context.pages().isEmpty() ? context.newPage() : context.pages().get(0);
        page.setDefaultTimeout(20_000);
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(15_000);
        current = this;
    }

    /** The browser of the journey running now (for the failure screenshot). */
    static volatile KioskBrowser current;

    /** A fresh browser profile under {@code profileParent}, viewport {@code width x height}. */
    public static KioskBrowser open(String journey, Path profileParent, int width, int height) throws IOException {
        return open(journey, profileParent, width, height, CHROMIUM);
    }

    /** As above, with another chromium executable (e.g. a script that starts it in a network namespace). */
    public static KioskBrowser open(String journey, Path profileParent, int width, int height, Path chromium)
            throws IOException {
        Files.createDirectories(SCREENSHOTS);
        try (var old = Files.newDirectoryStream(SCREENSHOTS, journey + "-[0-9][0-9]-*.png")) {
            for (Path p : old) {
                Files.delete(p);
            }
        }
        Path profile = Files.createTempDirectory(Files.createDirectories(profileParent), "chromium-");
        Playwright pw = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        try {
            BrowserContext ctx = pw.chromium().launchPersistentContext(profile,
                    new BrowserType.LaunchPersistentContextOptions().setExecutablePath(chromium).setHeadless(true)
                            .setArgs(FLAGS).setViewportSize(width, height).setLocale("en-GB"));
            return new KioskBrowser(pw, ctx, journey);
        } catch (RuntimeException e) {
            pw.close();
            throw e;
        }
    }

    /** Opens {@code url} and waits for the Vaadin client to settle. */
    public void go(String url) {
        page.navigate(url);
        settle();
    }

    /** Waits until Vaadin has no server round trip in flight. */
    public void settle() {
        page.waitForFunction(VAADIN_IDLE, null, new Page.WaitForFunctionOptions().setTimeout(30_000).setPollingInterval(50));
    }

    /** Saves a full-page screenshot named after the journey, a running number and {@code screen}. */
    public Path screenshot(String screen) {
        settle();
        Path file = SCREENSHOTS.resolve(String.format("%s-%02d-%s.png", journey, ++shot, screen));
        // The app layout scrolls inside the window, so "full page" is only the window: to show the
        // whole screen, the window is made as tall as the view for the shot (not while a dialog is open).
        var size = page.viewportSize();
        int tall = wholeScreens ? ((Number) page.evaluate(CONTENT_HEIGHT)).intValue() : 0;
        if (tall > size.height) {
            page.setViewportSize(size.width, Math.min(tall, 4000));
            settle();
        }
        try {
            page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
        } finally {
            if (tall > size.height) {
                page.setViewportSize(size.width, size.height);
                settle();
            }
        }
        shots.add(SCREENSHOTS.relativize(file).toString());
        return file;
    }

    public List<String> screenshots() {
        return shots;
    }

    public void resize(int width, int height) {
        page.setViewportSize(width, height);
    }

    /** A screenshot of whatever is on screen when a journey fails (no settling: the page may be stuck). */
    void failureShot() {
        try {
            Path file = SCREENSHOTS.resolve(String.format("%s-%02d-FAILED.png", journey, ++shot));
            page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true).setTimeout(10_000));
        } catch (RuntimeException ignored) {
            // the page is gone
        }
    }

    @Override
    public void close() {
        if (current == this) {
            current = null;
        }
        try {
            context.close();
        } finally {
            playwright.close();
        }
    }
}
