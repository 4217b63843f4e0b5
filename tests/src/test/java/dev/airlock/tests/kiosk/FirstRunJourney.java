package dev.airlock.tests.kiosk;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * First run in a real browser: setup, fingerprint, first supervisor, home; reboot: sealed, a
 * wrong then the right passphrase, a wrong then the right PIN on the touch pad; the idle lock.
 */
@org.junit.jupiter.api.extension.ExtendWith(FailureShot.class)
class FirstRunJourney {
    static Kiosk kiosk;

    @BeforeAll
    static void start() throws Exception {
        kiosk = Kiosk.start("first-run", o -> o.property("airlock.kiosk.idleLockMillis", "3000"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (kiosk != null) {
            kiosk.close();
        }
    }

    @Test
    void setupSupervisorReboot_unlockAndPin_thenIdleLock() throws Exception {
        KioskBrowser b = kiosk.browser;
        kiosk.open();
        SetupPage setup = new SetupPage(b);
        String fingerprint = setup.create(true, "Lab 3 kiosk", Kiosk.PASSPHRASE);
        assertThat(fingerprint.replaceAll("\\D", "")).hasSize(30);
        setup.continueToSignIn();
        SignInPage first = new SignInPage(b);
        HomePage home = first.createFirstSupervisor(Kiosk.SUPERVISOR, Kiosk.SUPERVISOR_PIN);
        b.screenshot("home");
        assertThat(home.hasNav("nav.supervisor")).isTrue();

        // Reboot: sealed until the supervisor passphrase is typed.
        kiosk.restart();
        kiosk.open();
        UnlockPage unlock = new UnlockPage(b);
        b.screenshot("sealed");
        String wrong = unlock.wrong("not the passphrase at all");
        assertThat(wrong).isNotBlank();
        b.screenshot("sealed-wrong-passphrase");
        SignInPage signIn = unlock.unlock(Kiosk.PASSPHRASE);
        assertThat(signIn.name(Kiosk.SUPERVISOR)).isVisible();
        b.screenshot("sign-in-names");
        signIn.choose(Kiosk.SUPERVISOR);
        signIn.typePin("1111");
        assertThat(signIn.message()).contains(Texts.prefix("signin.wrongPin"));
        b.screenshot("sign-in-wrong-pin");
        home = signIn.signIn(Kiosk.SUPERVISOR, Kiosk.SUPERVISOR_PIN);
        b.screenshot("home-after-reboot");

        // Idle lock: no touch for longer than the idle time locks the screen; the PIN goes back on.
        SignInPage locked = SignInPage.awaitIdleLock(b, 60_000);
        locked.showsLockedNotice();
        b.screenshot("idle-locked");
        locked.signIn(Kiosk.SUPERVISOR, Kiosk.SUPERVISOR_PIN);
        kiosk.recordRss();
    }
}
