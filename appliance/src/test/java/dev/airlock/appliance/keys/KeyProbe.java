package dev.airlock.appliance.keys;

/** Test seams into the keys package for other modules' tests: Argon2id derivations counted, a held key's bytes. */
public final class KeyProbe {
    private KeyProbe() {}

    /** Argon2id derivations this JVM has made so far. */
    public static long derivations() {
        return Unlocked.derivations();
    }

    /** Whether every byte of the held key is zero (it was sealed). */
    public static boolean isZeroed(UnsealedKey key) {
        for (byte b : key.revealSeedForTests()) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }
}
