package dev.airlock.kiosk.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.ClientCallable;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import dev.airlock.appliance.config.Setting;
import dev.airlock.appliance.store.ApplianceInfo;
import dev.airlock.kiosk.core.ApplianceHolder;
import dev.airlock.kiosk.core.KioskBeans.KioskSettings;
import dev.airlock.kiosk.core.KioskSession;
import dev.airlock.kiosk.core.KioskState;
import dev.airlock.kiosk.core.Routes;

/**
 * The frame around every signed-in view: who is signed in, lock and sign-out, the navigation
 * (by role), and the idle lock (no touch or key for the configured minutes locks the screen).
 */
public final class MainLayout extends AppLayout {
    final Button lock = new Button();
    final Button signOut = new Button();
    final SideNav nav = new SideNav();
    private final ApplianceHolder holder;
    private final KioskSettings settings;

    public MainLayout(ApplianceHolder holder, KioskSettings settings) {
        this.holder = holder;
        this.settings = settings;
        addClassName("kiosk-layout");
        setPrimarySection(Section.DRAWER);
        addToNavbar(new DrawerToggle(), header());
        addToDrawer(navigation());
    }

    private HorizontalLayout header() {
        ApplianceInfo info = holder.get().info();
        Span title = new Span(getTranslation("app.title") + " · " + info.displayName());
        title.addClassName("kiosk-title");
        Span role = new Span(getTranslation("role." + info.role().id()));
        role.addClassName("kiosk-role");
        KioskSession session = KioskState.session();
        Span who = new Span(session.operator().map(o -> o.name() + " (" + getTranslation(o.supervisor()
                ? "operator.supervisor" : "operator.technician") + ")").orElse(""));
        who.addClassName("kiosk-operator");
        lock.setText(getTranslation("layout.lock"));
        lock.setIcon(VaadinIcon.LOCK.create());
        lock.addClickListener(e -> lockScreen());
        signOut.setText(getTranslation("layout.signOut"));
        signOut.setIcon(VaadinIcon.SIGN_OUT.create());
        signOut.addClickListener(e -> {
            KioskState.session().signOut();
            getUI().ifPresent(ui -> ui.navigate(Routes.SIGN_IN));
        });
        HorizontalLayout bar = new HorizontalLayout(title, role, who, lock, signOut);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        bar.expand(title);
        bar.setWidthFull();
        bar.addClassName("kiosk-header");
        return bar;
    }

    private SideNav navigation() {
        boolean lab = holder.get().info().role() == ApplianceInfo.Role.LAB;
        nav.addClassName("kiosk-nav");
        nav.addItem(item("nav.home", "", VaadinIcon.HOME));
        if (lab) {
            nav.addItem(item("nav.collect", "collect", VaadinIcon.DOWNLOAD));
            nav.addItem(item("nav.machines", "machines", VaadinIcon.DESKTOP));
            nav.addItem(item("nav.export", "export", VaadinIcon.UPLOAD));
            nav.addItem(item("nav.import", "import", VaadinIcon.INBOX));
            nav.addItem(item("nav.apply", "apply", VaadinIcon.KEY));
            nav.addItem(item("nav.reimage", "reimage", VaadinIcon.REFRESH));
        } else {
            nav.addItem(item("nav.gateway", "gateway", VaadinIcon.EXCHANGE));
        }
        if (KioskState.session().isSupervisor()) {
            nav.addItem(item("nav.supervisor", "supervisor", VaadinIcon.SHIELD));
        }
        return nav;
    }

    private SideNavItem item(String key, String path, VaadinIcon icon) {
        SideNavItem item = new SideNavItem(getTranslation(key), path, icon.create());
        item.addClassName("kiosk-nav-item");
        return item;
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        int minutes = settings.intValue(Setting.KIOSK_IDLE_LOCK_MINUTES);
        long idleMs = Long.getLong("airlock.kiosk.idleLockMillis", minutes * 60_000L);
        // Watches touch, pointer and keys in the browser; after idleMs without any, asks the server to lock.
        getElement().executeJs("""
                const el = this; const limit = $0;
                const old = window.__airlockIdle;
                if (old) {
                  clearInterval(old.timer);
                  ['pointerdown','keydown','touchstart','wheel'].forEach(t => document.removeEventListener(t, old.seen, true));
                }
                const state = { last: Date.now() };
                state.seen = () => { state.last = Date.now(); };
                ['pointerdown','keydown','touchstart','wheel'].forEach(t => document.addEventListener(t, state.seen, true));
                state.timer = setInterval(() => {
                  if (Date.now() - state.last >= limit && el.isConnected) {
                    state.last = Date.now(); el.$server.idle();
                  }
                }, Math.min(1000, limit));
                window.__airlockIdle = state;
                """, idleMs);
    }

    /** Called by the browser after the idle time: locks the screen. */
    @ClientCallable
    void idle() {
        lockScreen();
    }

    private void lockScreen() {
        KioskState.session().lock();
        getUI().ifPresent(ui -> ui.navigate(Routes.SIGN_IN));
    }
}
