package dev.airlock.kiosk.core;

/** Route paths the guard and the layout need without depending on the view classes. */
public final class Routes {
    public static final String HOME = "";
    public static final String SETUP = "setup";
    public static final String UNLOCK = "unlock";
    public static final String SIGN_IN = "sign-in";

    private Routes() {
    }
}
