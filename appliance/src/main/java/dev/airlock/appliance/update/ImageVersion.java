package dev.airlock.appliance.update;

import java.util.Arrays;

/** An image version such as {@code 2026.12.01.3}: dotted numbers, compared numerically part by part. */
public final class ImageVersion implements Comparable<ImageVersion> {
    private static final int MAX_PARTS = 8;
    private static final int MAX_DIGITS = 9;
    private final String text;
    private final int[] parts;

    private ImageVersion(String text, int[] parts) {
        this.text = text;
        this.parts = parts;
    }

    /** Parses 1 to 8 numbers of 1 to 9 digits separated by single dots; anything else throws, naming the fault. */
    public static ImageVersion parse(String text) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("the version is empty");
        }
        if (text.length() > MAX_PARTS * (MAX_DIGITS + 1)) {
            throw new IllegalArgumentException("the version '" + text.substring(0, 20) + "...' is too long");
        }
        String[] split = text.split("\\.", -1);
        if (split.length > MAX_PARTS) {
            throw new IllegalArgumentException("the version '" + text + "' has " + split.length
                    + " parts; at most " + MAX_PARTS);
        }
        int[] parts = new int[split.length];
        for (int i = 0; i < split.length; i++) {
            String p = split[i];
            if (p.isEmpty() || p.length() > MAX_DIGITS || !p.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw new IllegalArgumentException("the version '" + text + "' is not dotted numbers (such as"
                        + " 2026.12.01.3)");
            }
            parts[i] = Integer.parseInt(p);
        }
        return new ImageVersion(text, parts);
    }

    /** Part by part as numbers ({@code 2026.12.10} is newer than {@code 2026.12.9}); missing parts count as 0. */
    @Override
    public int compareTo(ImageVersion o) {
        for (int i = 0; i < Math.max(parts.length, o.parts.length); i++) {
            int a = i < parts.length ? parts[i] : 0;
            int b = i < o.parts.length ? o.parts[i] : 0;
            if (a != b) {
                return Integer.compare(a, b);
            }
        }
        return 0;
    }

    /** Whether this version comes after {@code other}. */
    public boolean isNewerThan(ImageVersion other) {
        return compareTo(other) > 0;
    }

    /** Equal when they compare equal ({@code 2026.12.01} equals {@code 2026.12.1.0}). */
    @Override
    public boolean equals(Object o) {
        return o instanceof ImageVersion v && compareTo(v) == 0;
    }

    @Override
    public int hashCode() {
        int n = parts.length;
        while (n > 0 && parts[n - 1] == 0) {
            n--;
        }
        return Arrays.hashCode(Arrays.copyOf(parts, n));
    }

    /** As written, e.g. {@code 2026.12.01.3}. */
    @Override
    public String toString() {
        return text;
    }
}
