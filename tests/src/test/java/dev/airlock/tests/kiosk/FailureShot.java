package dev.airlock.tests.kiosk;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/** Saves a screenshot of the browser when a journey fails ({@code <journey>-<nn>-FAILED.png}). */
final class FailureShot implements TestWatcher {
    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        KioskBrowser b = KioskBrowser.current;
        if (b != null) {
            b.failureShot();
        }
    }
}
