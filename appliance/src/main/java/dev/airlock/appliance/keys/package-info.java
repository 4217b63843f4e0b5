/**
 * The appliance's keys: its own Ed25519 key pair ({@link dev.airlock.appliance.keys.KeyService})
 * and the MAK vault ({@link dev.airlock.appliance.keys.MakVault}). Every secret is sealed at rest
 * under a key derived from the supervisor {@link dev.airlock.appliance.keys.Passphrase} (Argon2id,
 * then AES-256-GCM); a wrong passphrase fails with "wrong passphrase" and, after 5 in a row, a
 * growing delay that survives restarts. Reading a secret is always an explicit call named
 * {@code reveal...} or {@code signer}. Bouncy Castle lives only in {@code internal}. The peers
 * this appliance trusts are the enroll flow's ({@code dev.airlock.appliance.enroll}).
 */
package dev.airlock.appliance.keys;
