package dev.airlock.formats.bundle;

import java.util.HexFormat;

/**
 * A record's reference inside one bundle: 4 random bytes, drawn per bundle and never derived
 * from anything about the machine (privacy.md). The lab keeps the map to its records.
 */
public record Reference(int value) implements Comparable<Reference> {
    /** From 8 hex digits. */
    public static Reference parse(String hex) {
        if (hex == null || hex.length() != 8) {
            throw new IllegalArgumentException("a record reference is 8 hex digits");
        }
        return new Reference((int) HexFormat.fromHexDigitsToLong(hex));
    }

    /** Unsigned order: the order records are encoded in. */
    @Override
    public int compareTo(Reference o) {
        return Integer.compareUnsigned(value, o.value);
    }

    /** 8 lower-case hex digits. */
    @Override
    public String toString() {
        return HexFormat.of().toHexDigits(value);
    }
}
