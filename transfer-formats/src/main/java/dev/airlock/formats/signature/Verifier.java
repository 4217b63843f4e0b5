package dev.airlock.formats.signature;

/** Checks signatures made by one public key. There is no boolean to forget: a bad signature throws. */
@FunctionalInterface
public interface Verifier {
    /** Returns normally only when {@code signature} is valid over {@code data}. */
    void verify(byte[] signature, byte[] data) throws BadSignatureException;
}
