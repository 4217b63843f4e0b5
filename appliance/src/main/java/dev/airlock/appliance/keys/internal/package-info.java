/**
 * The cryptography behind sealed secrets: Argon2id and HKDF from Bouncy Castle, AES-256-GCM from
 * the JDK. Only {@code dev.airlock.appliance.keys} uses this package; nothing here logs.
 */
package dev.airlock.appliance.keys.internal;
