/** Bouncy Castle's Ed25519, wrapped; nothing outside {@code signature} uses this package. */
package dev.airlock.formats.signature.internal;
