package dev.airlock.kiosk.core;

import dev.airlock.appliance.audit.Actor;
import dev.airlock.appliance.keys.KeysException;
import dev.airlock.appliance.keys.Passphrase;
import dev.airlock.appliance.keys.UnsealedKey;
import java.util.Arrays;

/**
 * After boot the appliance is sealed: nothing can be signed or unsealed until a supervisor types
 * the passphrase once. The kiosk then keeps it in memory (only) for the services that need it, and
 * the signing key unsealed (one Argon2id derivation at the unlock), so that export and gateway
 * runs sign without another; the idle lock only locks the screen and keeps both, sealing zeroes
 * both, a restart seals again (nothing is written). Unlocking and sealing from the supervisor
 * screen both sign the audit log's head (the key is unsealed at those moments).
 */
public final class Seal {
    private final ApplianceHolder holder;
    /** Held while the key is unsealed for the first signing after setup (not the seal's own lock). */
    private final Object unsealing = new Object();
    private char[] unlocked;
    private UnsealedKey key;

    public Seal(ApplianceHolder holder) {
        this.holder = holder;
    }

    public synchronized boolean isSealed() {
        return unlocked == null;
    }

    /**
     * Checks the passphrase against the appliance's keys (counted and delayed like every use) and
     * keeps the signing key unsealed for the session.
     */
    public void unlock(Passphrase typed, char[] chars, Actor actor) throws KeysException {
        UnsealedKey unsealed = holder.get().keys().unseal(typed, actor);
        synchronized (this) {
            forget();
            unlocked = chars.clone();
            key = unsealed;
        }
    }

    /** Right after setup the passphrase was just typed: the appliance starts unlocked (the key unseals at 1st use). */
    public synchronized void unlockedBySetup(char[] chars) {
        forget();
        unlocked = chars.clone();
    }

    /**
     * The signing key for an export or gateway run, unsealed for the session: at the unlock, or
     * (after setup) at this first use, once. Pass it where a service asks for {@code KeyAccess}.
     */
    public UnsealedKey signingKey(Actor actor) throws KeysException {
        synchronized (unsealing) {
            Passphrase p;
            synchronized (this) {
                if (key != null) {
                    return key;
                }
                p = passphrase();
            }
            UnsealedKey unsealed;
            try (p) {
                unsealed = holder.get().keys().unseal(p, actor);
            }
            synchronized (this) {
                if (unlocked == null || key != null) { // sealed meanwhile, or unlocked again
                    unsealed.seal();
                    if (key == null) {
                        throw sealedError();
                    }
                    return key;
                }
                key = unsealed;
                return unsealed;
            }
        }
    }

    /** A fresh copy of the passphrase for one service call; close it afterwards. */
    public synchronized Passphrase passphrase() {
        if (unlocked == null) {
            throw sealedError();
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

    /** Seals again (e.g. after a restore, whose store may have another passphrase): zeroes passphrase and key. */
    public synchronized void seal() {
        forget();
    }

    private void forget() {
        if (unlocked != null) {
            Arrays.fill(unlocked, '\0');
            unlocked = null;
        }
        if (key != null) {
            key.seal();
            key = null;
        }
    }

    private static IllegalStateException sealedError() {
        return new IllegalStateException("the appliance is sealed: a supervisor must unlock it first");
    }
}
