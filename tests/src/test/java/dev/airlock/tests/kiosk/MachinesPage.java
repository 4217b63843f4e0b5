package dev.airlock.tests.kiosk;

import com.microsoft.playwright.Locator;

/** Machines: the lazy grid with search and state filter. */
final class MachinesPage extends Screen {
    MachinesPage(KioskBrowser b) {
        super(b);
        await("machines-view");
    }

    Locator grid() {
        return id("machines-grid");
    }

    MachinesPage search(String text) {
        fillId("machines-search", text);
        return this;
    }
}
