package dev.airlock.tests.kiosk;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A supervisor adds a technician; the technician sees no Supervisor entry and is turned back from /supervisor. */
@ExtendWith(FailureShot.class)
class TechnicianDeniedJourney {
    static Kiosk kiosk;

    @BeforeAll
    static void start() throws Exception {
        kiosk = Kiosk.start("technician-denied", o -> o);
    }

    @AfterAll
    static void stop() throws Exception {
        if (kiosk != null) {
            kiosk.close();
        }
    }

    @Test
    void technician_hasNoSupervisorEntry_andIsTurnedBackFromTheUrl() {
        KioskBrowser b = kiosk.browser;
        HomePage home = kiosk.setUp(true, "Lab 4 kiosk");
        home.nav("nav.supervisor");
        SupervisorPage supervisor = new SupervisorPage(b);
        b.screenshot("supervisor");
        String added = supervisor.addOperator("Tina Technician", false, "135790");
        assertThat(added).contains("Tina Technician");
        b.screenshot("supervisor-operator-added");

        SignInPage signIn = supervisor.signOut();
        assertThat(signIn.name("Tina Technician")).isVisible();
        b.screenshot("sign-in-two-operators");
        home = signIn.signIn("Tina Technician", "135790");
        b.screenshot("technician-home");
        home.expectNoNav("nav.supervisor");
        assertThat(home.hasNav("nav.collect")).isTrue();

        home.open("supervisor");
        HomePage back = new HomePage(b);
        back.expectNotice(Texts.get("guard.supervisorOnly"));
        b.screenshot("technician-denied");
        // The guard reroutes (the address bar keeps /supervisor): what counts is that no supervisor screen shows.
        assertThat(b.page.locator(".supervisor-view")).hasCount(0);
    }
}
