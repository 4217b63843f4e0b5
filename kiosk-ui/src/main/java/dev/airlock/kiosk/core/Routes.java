package dev.airlock.kiosk.core;

/** Route paths the guard and the layout need without depending on the view classes. */
public final class Routes {
    public static final String HOME = "";
    public static final String SETUP = "setup";
    public static final String UNLOCK = "unlock";
    public static final String SIGN_IN = "sign-in";
    /** The supervisor screen's tabs, each reachable as {@code supervisor/NAME}, in the order shown. */
    public static final java.util.List<String> SUPERVISOR_TABS = java.util.List.of("mak", "trust", "operators",
            "backup", "audit", "settings", "update");

    private Routes() {
    }
}
