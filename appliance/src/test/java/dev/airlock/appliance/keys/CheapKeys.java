package dev.airlock.appliance.keys;

import java.security.SecureRandom;

/** Key material under cheap Argon2id parameters, for tests in other packages that sign. */
public final class CheapKeys {
    private CheapKeys() {}

    /** A key pair sealed under {@code passphrase} with parameters that derive in milliseconds. */
    public static PreparedKeys prepare(String passphrase) {
        try {
            return KeyService.prepare(Passphrase.of(passphrase), new SecureRandom(), KeysFixture.CHEAP);
        } catch (WeakPassphraseException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
