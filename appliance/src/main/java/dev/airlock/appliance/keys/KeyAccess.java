package dev.airlock.appliance.keys;

/**
 * What opens this appliance's signing key for a signing: the supervisor passphrase (one Argon2id
 * derivation each time) or the key a kiosk session holds unsealed ({@link UnsealedKey}).
 */
public sealed interface KeyAccess permits Passphrase, UnsealedKey {}
