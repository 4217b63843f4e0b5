package dev.airlock.kiosk.collect;

import dev.airlock.formats.ids.ApplicationId;

/** The three application IDs a person can pick. */
enum ManualApp {
    WINDOWS(ApplicationId.WINDOWS), OFFICE(ApplicationId.OFFICE), OFFICE_2010(ApplicationId.OFFICE_2010);

    final ApplicationId id;

    ManualApp(ApplicationId id) {
        this.id = id;
    }

    static ManualApp of(String guid) {
        for (ManualApp a : values()) {
            if (a.id.toString().equalsIgnoreCase(guid)) {
                return a;
            }
        }
        return WINDOWS;
    }
}
