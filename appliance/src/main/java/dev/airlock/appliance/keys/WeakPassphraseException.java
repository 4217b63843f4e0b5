package dev.airlock.appliance.keys;

/** A passphrase too short (or blank) to become the supervisor passphrase. */
public final class WeakPassphraseException extends KeysException {
    private static final long serialVersionUID = 1L;

    public WeakPassphraseException(String message) {
        super(message);
    }
}
