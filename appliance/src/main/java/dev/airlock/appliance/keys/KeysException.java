package dev.airlock.appliance.keys;

/**
 * The keys refuse a request: wrong passphrase, no key pair yet, unknown MAK, a fingerprint that
 * does not match. The message says what to do and never contains a secret.
 */
public class KeysException extends Exception {
    private static final long serialVersionUID = 1L;

    public KeysException(String message) {
        super(message);
    }
}
