package dev.airlock.tests.kiosk;

/** Whatever signed-in screen is shown: the main layout's navigation, Lock and Sign out. */
final class Frame extends Screen {
    Frame(KioskBrowser b) {
        super(b);
        await("kiosk-layout");
    }
}
