package dev.airlock.appliance.keys;

/**
 * A sealed secret failed its integrity check although the passphrase was right: its ciphertext,
 * nonce, salt, parameters or row were altered. Nothing of it was decrypted.
 */
public final class SecretTamperedException extends KeysException {
    private static final long serialVersionUID = 1L;

    SecretTamperedException(String what) {
        super(what + " failed its integrity check: the data store was altered or damaged; restore it from a"
                + " backup (nothing was decrypted)");
    }
}
