package dev.airlock.formats.signature;

import java.util.Arrays;
import java.util.HexFormat;

/** A short, stable name for a public key: the first 8 bytes of SHA-256 over its raw bytes. */
public final class KeyId {
    /** Length in bytes. */
    public static final int LENGTH = 8;
    private final byte[] bytes;

    private KeyId(byte[] bytes) {
        this.bytes = bytes;
    }

    /** From exactly {@value #LENGTH} bytes. */
    public static KeyId of(byte[] bytes) {
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("a key id has " + LENGTH + " bytes, not " + bytes.length);
        }
        return new KeyId(bytes.clone());
    }

    /** From 16 hex digits. */
    public static KeyId parse(String hex) {
        try {
            return of(HexFormat.of().parseHex(hex.strip()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a key id is 16 hex digits, not '" + hex + "'", e);
        }
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KeyId other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    /** 16 lower-case hex digits. */
    @Override
    public String toString() {
        return HexFormat.of().formatHex(bytes);
    }
}
