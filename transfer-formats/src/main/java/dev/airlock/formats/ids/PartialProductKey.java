package dev.airlock.formats.ids;

/** The last 5 characters of a product key (WMI {@code PartialProductKey}): the only part ever shown. */
public final class PartialProductKey {
    private final String text;

    private PartialProductKey(String text) {
        this.text = text;
    }

    /** Parses 5 product-key characters, any case. */
    public static PartialProductKey parse(String input) throws InvalidIdException {
        if (input == null || input.isBlank()) {
            throw new InvalidIdException("partial product key is empty: it is the last 5 characters of the key");
        }
        String typed = input.strip();
        if (typed.length() != 5) {
            throw new InvalidIdException("partial product key must be 5 characters, got " + typed.length());
        }
        // upper-case one char at a time: String.toUpperCase turns e.g. U+FB00 into "FF", changing the length
        StringBuilder text = new StringBuilder(5);
        for (int i = 0; i < 5; i++) {
            char upper = Character.toUpperCase(typed.charAt(i));
            if (!KeyAlphabet.allows(upper)) {
                throw new InvalidIdException("partial product key contains " + DigitGroups.describe(typed.charAt(i))
                        + " at position " + (i + 1) + ": product keys use only " + KeyAlphabet.LETTERS);
            }
            text.append(upper);
        }
        return new PartialProductKey(text.toString());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PartialProductKey other && text.equals(other.text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    /** The 5 upper-case characters. */
    @Override
    public String toString() {
        return text;
    }
}
