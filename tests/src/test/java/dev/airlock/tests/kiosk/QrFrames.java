package dev.airlock.tests.kiosk;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** The full-screen QR frames display: frame n of m, step, pause, density, speed. */
final class QrFrames extends Screen {
    QrFrames(KioskBrowser b) {
        super(b);
        assertThat(id("qr-frame-image")).isVisible();
    }

    String counter() {
        return id("qr-frame-counter").innerText();
    }

    void pause() {
        clickId("qr-pause");
    }

    void next() {
        clickId("qr-next");
    }

    void previous() {
        clickId("qr-prev");
    }

    /** The current frame's image as PNG bytes (the img element's pixels, screenshotted). */
    byte[] frameImage() {
        return id("qr-frame-image").screenshot();
    }
}
