/**
 * Signatures over Airlock's canonical bundle encodings: Ed25519 behind two one-method
 * interfaces ({@link dev.airlock.formats.signature.Signer}, {@link dev.airlock.formats.signature.Verifier}
 * which throws), key ids and human-comparable fingerprints. Bouncy Castle lives only in
 * {@code internal}; reading private key bytes is the explicit {@link SigningKey#revealSeed()}.
 */
package dev.airlock.formats.signature;
