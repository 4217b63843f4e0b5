package dev.airlock.formats.signature;

/** Signs bytes with one private key. */
@FunctionalInterface
public interface Signer {
    /** The signature over {@code data} (64 bytes for Ed25519). */
    byte[] sign(byte[] data);
}
