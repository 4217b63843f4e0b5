package dev.airlock.kiosk.core;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import dev.airlock.appliance.store.ApplianceInfo;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Decides where a navigation may go, in order: set up first, then unlocked by a supervisor,
 * then an operator signed in (and not idle-locked), then supervisor-only and role-only views.
 * It forwards (the address bar shows where the person really is), never just reroutes.
 */
public final class AccessGuard implements VaadinServiceInitListener {
    private final ApplianceHolder holder;
    private final Seal seal;
    private final ObjectProvider<KioskSession> sessions;

    public AccessGuard(ApplianceHolder holder, Seal seal, ObjectProvider<KioskSession> sessions) {
        this.holder = holder;
        this.seal = seal;
        this.sessions = sessions;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(ui -> ui.getUI().addBeforeEnterListener(this::check));
    }

    void check(BeforeEnterEvent event) {
        String target = event.getLocation().getPath();
        Class<?> view = event.getNavigationTarget();
        // 1. nothing works before the first-run setup
        if (!holder.isSetUp()) {
            if (!target.equals(Routes.SETUP)) {
                event.forwardTo(Routes.SETUP);
            }
            return;
        }
        if (target.equals(Routes.SETUP)) {
            event.forwardTo(Routes.HOME);
            return;
        }
        // 2. sealed after boot until a supervisor unlocks it
        if (seal.isSealed()) {
            if (!target.equals(Routes.UNLOCK)) {
                event.forwardTo(Routes.UNLOCK);
            }
            return;
        }
        if (target.equals(Routes.UNLOCK)) {
            event.forwardTo(Routes.SIGN_IN);
            return;
        }
        // 3. an operator must be signed in and not locked
        KioskSession session = sessions.getObject();
        if (target.equals(Routes.SIGN_IN)) {
            return;
        }
        if (!session.isActive()) {
            event.forwardTo(Routes.SIGN_IN);
            return;
        }
        // 4. supervisor-only and role-only views
        if (view.isAnnotationPresent(SupervisorOnly.class) && !session.isSupervisor()) {
            Notification.show(event.getUI().getTranslation("guard.supervisorOnly"), 8000,
                    Notification.Position.TOP_CENTER);
            event.forwardTo(Routes.HOME);
            return;
        }
        ForRole forRole = view.getAnnotation(ForRole.class);
        ApplianceInfo.Role role = holder.get().info().role();
        if (forRole != null && forRole.value() != role) {
            Notification.show(event.getUI().getTranslation("guard.otherRole",
                    event.getUI().getTranslation("role." + forRole.value().id()),
                    event.getUI().getTranslation("role." + role.id())), 8000, Notification.Position.TOP_CENTER);
            event.forwardTo(Routes.HOME);
        }
    }
}
