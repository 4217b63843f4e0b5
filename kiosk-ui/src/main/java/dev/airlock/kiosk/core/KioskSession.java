package dev.airlock.kiosk.core;

import dev.airlock.appliance.audit.Actor;
import java.util.Optional;

/**
 * One browser session's operator. The idle lock ({@link #lock()}) keeps who was signed in but
 * asks for the PIN again; sign-out forgets them.
 */
public final class KioskSession {
    private SignedInOperator operator;
    private boolean locked;

    public synchronized Optional<SignedInOperator> operator() {
        return Optional.ofNullable(operator);
    }

    /** Signed in and not locked. */
    public synchronized boolean isActive() {
        return operator != null && !locked;
    }

    public synchronized boolean isSupervisor() {
        return isActive() && operator.supervisor();
    }

    public synchronized boolean isLocked() {
        return operator != null && locked;
    }

    public synchronized void signIn(SignedInOperator who) {
        this.operator = who;
        this.locked = false;
    }

    /** Locks the screen (idle or by hand); the same operator or another signs in again. */
    public synchronized void lock() {
        if (operator != null) {
            locked = true;
        }
    }

    public synchronized void signOut() {
        operator = null;
        locked = false;
    }

    /** The audit actor of the signed-in operator. */
    public synchronized Actor actor() {
        if (operator == null) {
            throw new IllegalStateException("nobody is signed in");
        }
        return operator.actor();
    }
}
