package dev.airlock.formats.signature;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * What two people compare aloud before trusting a key: 30 decimal digits (about 100 bits of
 * SHA-256 over the raw public key) in 6 groups of 5, e.g. {@code 12345 67890 ...}.
 */
public final class Fingerprint {
    /** Number of digits. */
    public static final int DIGITS = 30;
    private static final BigInteger MODULUS = BigInteger.TEN.pow(DIGITS);
    private final String digits;

    private Fingerprint(String digits) {
        this.digits = digits;
    }

    /** The fingerprint of a key's SHA-256 digest (first 16 bytes, reduced to 30 digits). */
    static Fingerprint ofDigest(byte[] sha256) {
        byte[] head = java.util.Arrays.copyOf(sha256, 16);
        String d = new BigInteger(1, head).mod(MODULUS).toString();
        return new Fingerprint("0".repeat(DIGITS - d.length()) + d);
    }

    /** Parses what a person typed from the other screen: 30 digits, any spaces or dashes. */
    public static Fingerprint parse(String typed) {
        StringBuilder d = new StringBuilder(DIGITS);
        for (int i = 0; i < typed.length(); i++) {
            char c = typed.charAt(i);
            if (c >= '0' && c <= '9') {
                d.append(c);
            } else if (c != ' ' && c != '-' && c != '\t') {
                throw new IllegalArgumentException("a fingerprint has only digits; '" + c + "' at position " + (i + 1)
                        + " is not one");
            }
        }
        if (d.length() != DIGITS) {
            throw new IllegalArgumentException("a fingerprint has " + DIGITS + " digits (6 groups of 5), got "
                    + d.length());
        }
        return new Fingerprint(d.toString());
    }

    /** The 6 groups of 5 digits. */
    public List<String> groups() {
        List<String> out = new ArrayList<>(6);
        for (int i = 0; i < DIGITS; i += 5) {
            out.add(digits.substring(i, i + 5));
        }
        return List.copyOf(out);
    }

    public String digits() {
        return digits;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Fingerprint other && digits.equals(other.digits);
    }

    @Override
    public int hashCode() {
        return digits.hashCode();
    }

    /** Groups of 5 separated by spaces. */
    @Override
    public String toString() {
        return String.join(" ", groups());
    }
}
