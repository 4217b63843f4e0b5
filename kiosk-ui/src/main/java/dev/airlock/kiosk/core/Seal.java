package dev.airlock.kiosk.core;

import dev.airlock.appliance.audit.Actor;
import dev.airlock.appliance.keys.KeysException;
import dev.airlock.appliance.keys.Passphrase;
import java.util.Arrays;

/**
 * After boot the appliance is sealed: nothing can be signed or unsealed until a supervisor types
 * the passphrase once. The kiosk then keeps it in memory (only) for the services that need it;
 * the idle lock only locks the screen, a restart seals again. Unlocking and sealing from the
 * supervisor screen both sign the audit log's head (the key is unsealed at those moments).
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

    /**
     * Seals again from the supervisor screen, first signing the audit log's head while the
     * passphrase is still here (when anything was logged since the last signed head). A failure
     * to sign does not keep the appliance unsealed.
     */
    public void sealSigningAuditHead(Actor actor) {
        Passphrase p;
        synchronized (this) {
            if (unlocked == null) {
                return;
            }
            p = Passphrase.of(unlocked);
        }
        try (p) {
            holder.get().keys().checkPassphrase(p, actor); // signs the head while the key is unsealed
        } catch (KeysException | RuntimeException e) {
            // sealing matters more than this one signature; the next passphrase use signs the head
        } finally {
            seal();
        }
    }

    /** Seals again (e.g. after a restore, whose store may have another passphrase). */
    public synchronized void seal() {
        if (unlocked != null) {
            Arrays.fill(unlocked, '\0');
            unlocked = null;
        }
    }
}
