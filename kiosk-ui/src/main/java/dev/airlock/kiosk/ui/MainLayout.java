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
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import dev.airlock.appliance.config.Setting;
import dev.airlock.appliance.store.ApplianceInfo;
import dev.airlock.kiosk.core.KioskBeans.KioskSettings;
import dev.airlock.kiosk.core.KioskSession;
import dev.airlock.kiosk.core.Routes;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The frame around every signed-in view: who is signed in, lock and sign-out, the navigation
 * (by role), and the idle lock (no touch or key for the configured minutes locks the screen).
 */
public final class MainLayout extends AppLayout implements AfterNavigationObserver {
    /**
     * What a person looks for after pressing a button: every element that shows an action's outcome
     * (written, refused, summary, eject). When one of them gets its words after a touch or key and is
     * not in the window, the browser scrolls it into view (see {@link #onAttach}).
     */
    static final String RESULTS = "[id$='-result'], [id$='-summary'], [id$='-message'], [id$='-error'],"
            + " [id$='-outcomes'], .eject-message, .kiosk-result";

    final Button lock = new Button();
    final Button signOut = new Button();
    final SideNav nav = new SideNav();
    private final ObjectProvider<ApplianceInfo> info;
    private final KioskSession session;
    private final KioskSettings settings;

    public MainLayout(ObjectProvider<ApplianceInfo> info, KioskSession session, KioskSettings settings) {
        this.info = info;
        this.session = session;
        this.settings = settings;
        addClassName("kiosk-layout");
        setPrimarySection(Section.DRAWER);
        addToNavbar(new DrawerToggle(), header());
        addToDrawer(navigation());
    }

    private HorizontalLayout header() {
        ApplianceInfo info = this.info.getObject();
        // "Airlock · " leaves first on a narrow screen; the appliance's name stays whole (styles.css)
        Span app = new Span(getTranslation("app.title") + " · ");
        app.addClassName("kiosk-title-app");
        Span name = new Span(info.displayName());
        name.addClassName("kiosk-title-name");
        Span title = new Span(app, name);
        title.addClassName("kiosk-title");
        Span role = new Span(getTranslation("role." + info.role().id()));
        role.addClassName("kiosk-role");
        Span who = new Span(session.operator().map(o -> o.name() + " (" + getTranslation(o.supervisor()
                ? "operator.supervisor" : "operator.technician") + ")").orElse(""));
        who.addClassName("kiosk-operator");
        lock.setText(getTranslation("layout.lock"));
        lock.setIcon(VaadinIcon.LOCK.create());
        lock.addClickListener(e -> lockScreen());
        signOut.setText(getTranslation("layout.signOut"));
        signOut.setIcon(VaadinIcon.SIGN_OUT.create());
        signOut.addClickListener(e -> {
            session.signOut();
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
        boolean lab = info.getObject().role() == ApplianceInfo.Role.LAB;
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
        if (session.isSupervisor()) {
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
        // Results into view: after a touch or key (not when a screen merely opens), an outcome element
        // that gets words while outside the window is scrolled into it.
        getElement().executeJs("""
                const root = this; const sel = $0;
                const old = window.__airlockResults;
                if (old) {
                  old.observer.disconnect();
                  ['pointerdown','keydown'].forEach(t => document.removeEventListener(t, old.arm, true));
                }
                const state = { armed: 0, pending: new Set() };
                state.arm = e => { if (e.type !== 'keydown' || e.key === 'Enter' || e.key === ' ') state.armed = Date.now(); };
                ['pointerdown','keydown'].forEach(t => document.addEventListener(t, state.arm, true));
                const shown = el => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0; };
                const inView = el => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; };
                const flush = () => {
                  state.pending.forEach(el => {
                    if (el.isConnected && shown(el) && (el.innerText || '').trim() && !inView(el)) {
                      el.scrollIntoView({ block: el.getBoundingClientRect().height > innerHeight ? 'start' : 'nearest' });
                    }
                  });
                  state.pending.clear();
                };
                const consider = n => {
                  if (!n) return;
                  const e = n.nodeType === 1 ? n : n.parentElement;
                  if (!e || !e.closest) return;
                  // rows a grid adds while it scrolls are not results: only the grid itself can be one
                  const grid = e.closest('vaadin-grid');
                  if (grid) { if (grid.matches(sel)) state.pending.add(grid); return; }
                  const hit = e.closest(sel);
                  if (hit) state.pending.add(hit);
                  if (n.nodeType === 1 && n.querySelectorAll) n.querySelectorAll(sel).forEach(x => state.pending.add(x));
                };
                state.observer = new MutationObserver(list => {
                  if (!state.armed || Date.now() - state.armed > 180000) return;
                  list.forEach(m => { consider(m.target); m.addedNodes.forEach(consider); });
                  if (state.pending.size) requestAnimationFrame(flush);
                });
                state.observer.observe(root, { subtree: true, childList: true, characterData: true });
                state.disarm = () => { state.armed = 0; state.pending.clear(); };
                window.__airlockResults = state;
                """, RESULTS);
    }

    /** Every screen opens at its top, and only a touch or key on it brings results into view. */
    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        getElement().executeJs("""
                if (window.__airlockResults) window.__airlockResults.disarm();
                const layout = this;
                requestAnimationFrame(() => {
                  const content = layout.shadowRoot && layout.shadowRoot.querySelector('[content]');
                  [document.scrollingElement, content, ...layout.querySelectorAll('.kiosk-view')]
                      .forEach(e => { if (e) e.scrollTop = 0; });
                });
                """);
    }

    /** Called by the browser after the idle time: locks the screen. */
    @ClientCallable
    void idle() {
        lockScreen();
    }

    private void lockScreen() {
        session.lock();
        getUI().ifPresent(ui -> ui.navigate(Routes.SIGN_IN));
    }
}
