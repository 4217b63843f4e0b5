package dev.airlock.formats.bundle;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.random.RandomGenerator;

/** A bundle's random 16-byte id; {@link #shortId()} (8 hex digits) names its file and QR frames. */
public final class BundleId {
    /** Length in bytes. */
    public static final int LENGTH = 16;
    private final byte[] bytes;

    private BundleId(byte[] bytes) {
        this.bytes = bytes;
    }

    /** A fresh random id. */
    public static BundleId random(RandomGenerator random) {
        byte[] b = new byte[LENGTH];
        random.nextBytes(b);
        return new BundleId(b);
    }

    /** From exactly 16 bytes. */
    public static BundleId of(byte[] bytes) {
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("a bundle id has 16 bytes, not " + bytes.length);
        }
        return new BundleId(bytes.clone());
    }

    /** From 32 hex digits (any case). */
    public static BundleId parse(String hex) {
        if (hex == null || hex.length() != 2 * LENGTH) {
            throw new IllegalArgumentException("a bundle id is 32 hex digits");
        }
        return new BundleId(HexFormat.of().parseHex(hex));
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    /** The first 4 bytes as 8 lower-case hex digits. */
    public String shortId() {
        return toString().substring(0, 8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BundleId other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    /** 32 lower-case hex digits. */
    @Override
    public String toString() {
        return HexFormat.of().formatHex(bytes);
    }
}
