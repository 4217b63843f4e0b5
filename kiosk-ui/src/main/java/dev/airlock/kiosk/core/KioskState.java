package dev.airlock.kiosk.core;

import com.vaadin.flow.server.VaadinSession;

/** The per-browser-session {@link KioskSession}, kept as a Vaadin session attribute. */
public final class KioskState {
    private KioskState() {
    }

    /** The current browser session's operator state (created on first use). */
    public static KioskSession session() {
        VaadinSession vs = VaadinSession.getCurrent();
        if (vs == null) {
            throw new IllegalStateException("no Vaadin session on this thread");
        }
        KioskSession s = vs.getAttribute(KioskSession.class);
        if (s == null) {
            s = new KioskSession();
            vs.setAttribute(KioskSession.class, s);
        }
        return s;
    }
}
