package dev.airlock.kiosk.core;

import dev.airlock.appliance.audit.Actor;
import dev.airlock.appliance.keys.KeysException;
import dev.airlock.appliance.keys.Passphrase;
import java.util.Arrays;

/**
 * After boot the appliance is sealed: nothing can be signed or unsealed until a supervisor types
 * the passphrase once. The kiosk then keeps it in memory (only) for the services that need it;
 * the idle lock only locks the screen, a restart seals again.
 */
public final class Seal {
    private final ApplianceHolder holder;
    private char[] unlocked;

    public Seal(ApplianceHolder holder) {
        this.holder = holder;
    }

    public synchronized boolean isSealed() {
        return unlocked == null;
    }

    /** Checks the passphrase against the appliance's keys (counted and delayed like every use). */
    public void unlock(Passphrase typed, char[] chars, Actor actor) throws KeysException {
        holder.get().keys().checkPassphrase(typed, actor);
        synchronized (this) {
            if (unlocked != null) {
                Arrays.fill(unlocked, '\0');
            }
            unlocked = chars.clone();
        }
    }

    /** Right after setup the passphrase was just typed: the appliance starts unlocked. */
    public synchronized void unlockedBySetup(char[] chars) {
        unlocked = chars.clone();
    }

    /** A fresh copy of the passphrase for one service call; close it afterwards. */
    public synchronized Passphrase passphrase() {
        if (unlocked == null) {
            throw new IllegalStateException("the appliance is sealed: a supervisor must unlock it first");
        }
        return Passphrase.of(unlocked);
    }

    /** Seals again (e.g. from the supervisor screen). */
    public synchronized void seal() {
        if (unlocked != null) {
            Arrays.fill(unlocked, '\0');
            unlocked = null;
        }
    }
}
