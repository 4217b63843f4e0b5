package dev.airlock.formats.ids;

import java.util.Locale;

/**
 * A full product key (MAK): 25 characters in 5 groups of 5. A secret: {@link #toString()} and
 * error messages never show it; {@link #revealForInstall()} is the one explicit way to read it.
 */
public final class ProductKey {
    private final String text;

    private ProductKey(String text) {
        this.text = text;
    }

    /** Parses a key with or without dashes or spaces, any case. Messages name positions, never characters. */
    public static ProductKey parse(String input) throws InvalidIdException {
        if (input == null || input.isBlank()) {
            throw new InvalidIdException("product key is empty: it has 25 characters in 5 groups of 5");
        }
        StringBuilder chars = new StringBuilder(25);
        int groups = 0;
        int groupLength = 0;
        String stripped = input.strip();
        for (int i = 0; i < stripped.length(); i++) {
            char c = Character.toUpperCase(stripped.charAt(i));
            if (c == '-' || c == ' ') {
                if (groupLength > 0) {
                    if (groupLength != 5) {
                        throw new InvalidIdException("product key group " + (groups + 1) + " has " + groupLength
                                + " characters, expected 5");
                    }
                    groups++;
                    groupLength = 0;
                }
                continue;
            }
            if (!KeyAlphabet.allows(c)) {
                throw new InvalidIdException("product key character " + (chars.length() + 1)
                        + " is not allowed: product keys use only " + KeyAlphabet.LETTERS);
            }
            chars.append(c);
            groupLength++;
        }
        if (groups > 0 && groupLength != 5 && groupLength != 0) {
            throw new InvalidIdException("product key group " + (groups + 1) + " has " + groupLength
                    + " characters, expected 5");
        }
        if (chars.length() != 25) {
            throw new InvalidIdException("product key must have 25 characters, got " + chars.length());
        }
        return new ProductKey(chars.toString().toUpperCase(Locale.ROOT));
    }

    /** The last 5 characters, safe to show and store. */
    public PartialProductKey partialKey() {
        try {
            return PartialProductKey.parse(text.substring(20));
        } catch (InvalidIdException e) {
            throw new IllegalStateException("a parsed key has a valid tail", e);
        }
    }

    /** The whole key in canonical {@code XXXXX-XXXXX-XXXXX-XXXXX-XXXXX} form. Secret: do not log. */
    public String revealForInstall() {
        return DigitGroups.format(text, 5);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProductKey other && text.equals(other.text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    /** Masked: only the last 5 characters are shown. */
    @Override
    public String toString() {
        return "*****-*****-*****-*****-" + text.substring(20);
    }
}
