package dev.airlock.kiosk.testing;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import dev.airlock.appliance.Appliance;
import dev.airlock.appliance.audit.Actor;
import dev.airlock.appliance.keys.Passphrase;
import dev.airlock.appliance.store.ApplianceInfo;
import dev.airlock.kiosk.KioskApplication;
import dev.airlock.kiosk.core.ApplianceHolder;
import dev.airlock.kiosk.core.KioskSession;
import dev.airlock.kiosk.core.Seal;
import dev.airlock.kiosk.core.SignedInOperator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the browserless view tests: a real kiosk Spring context over a fresh data dir (a real
 * SQLite file) per test class, with helpers to set the appliance up, unlock it and sign in.
 */
@SpringBootTest(classes = KioskApplication.class)
@ViewPackages(packages = "dev.airlock.kiosk")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
public abstract class KioskViewTest extends SpringBrowserlessTest {
    public static final String PASSPHRASE = "correct horse battery staple";
    private static Path dataDir;

    @Autowired
    protected ApplianceHolder holder;
    @Autowired
    protected Seal seal;
    @Autowired
    protected dev.airlock.kiosk.core.BackgroundWork work;
    @Autowired
    private ObjectProvider<KioskSession> sessions;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) throws IOException {
        dataDir = Files.createTempDirectory("kiosk-view-test");
        registry.add("airlock.data", () -> dataDir.toString());
    }

    /**
     * Lets the view's background work finish, then runs what it queued for the UI (progress, the
     * outcome) as the next request would: the test thread holds the session lock meanwhile.
     */
    protected void finishBackgroundWork() {
        try {
            if (!work.awaitIdle(java.time.Duration.ofSeconds(60))) {
                throw new AssertionError("background work still running after 60 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        com.vaadin.flow.server.VaadinSession session = com.vaadin.flow.server.VaadinSession.getCurrent();
        session.getService().runPendingAccessTasks(session);
        roundTrip();
    }

    /** The operator session of this test's Vaadin session (the session-scoped bean the views get). */
    protected KioskSession session() {
        return sessions.getObject();
    }

    /** The data dir of this test class. */
    protected static Path dataDir() {
        return dataDir;
    }

    /** Sets the appliance up (once per class) with {@link #PASSPHRASE} and unlocks it. */
    protected Appliance setUp(ApplianceInfo.Role role) {
        if (!holder.isSetUp()) {
            try (Passphrase p = Passphrase.of(PASSPHRASE)) {
                holder.setUp(role, "Test " + role.id(), p, new Actor("test"));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        seal.unlockedBySetup(PASSPHRASE.toCharArray());
        return holder.get();
    }

    /** A lab appliance, unlocked, with a supervisor (or technician) signed in in this UI's session. */
    protected Appliance signedIn(ApplianceInfo.Role role, boolean supervisor) {
        Appliance a = setUp(role);
        session().signIn(new SignedInOperator(1, supervisor ? "Sam Supervisor" : "Tess Technician",
                supervisor));
        return a;
    }
}
