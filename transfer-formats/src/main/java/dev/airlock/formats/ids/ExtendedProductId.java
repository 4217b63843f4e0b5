package dev.airlock.formats.ids;

import java.util.regex.Pattern;

/**
 * Extended product ID (ePID, WMI {@code ProductKeyID}), e.g.
 * {@code 03612-03308-000-000000-03-1033-9200.0000-0242016}. BatchActivation needs it with the IID.
 */
public final class ExtendedProductId {
    static final String EXAMPLE = "03612-03308-000-000000-03-1033-9200.0000-0242016";
    private static final int MAX_LENGTH = 80;
    /** Digits per dash-separated part; 0 marks the build part (digits and dots), negative a 4-5 range. */
    private static final int[] PART_DIGITS = {5, 5, 3, 6, 2, -4, 0, 7};
    /** The build part: up to four dot-separated numbers of 1–6 digits (9200.0000). */
    private static final Pattern BUILD_NUMBER = Pattern.compile("[0-9]{1,6}(\\.[0-9]{1,6}){0,3}");

    private final String text;

    private ExtendedProductId(String text) {
        this.text = text;
    }

    /** Parses an ePID as WMI reports it; surrounding whitespace is ignored. */
    public static ExtendedProductId parse(String input) throws InvalidIdException {
        if (input == null || input.isBlank()) {
            throw new InvalidIdException("ePID is empty: it looks like " + EXAMPLE);
        }
        String text = input.strip();
        // positions in messages count from the start of the input as typed
        int offset = input.length() - input.stripLeading().length();
        if (text.length() > MAX_LENGTH) {
            throw new InvalidIdException("ePID is " + text.length() + " characters long, at most " + MAX_LENGTH
                    + " expected: it looks like " + EXAMPLE);
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9') && c != '-' && c != '.') {
                throw new InvalidIdException("ePID contains " + DigitGroups.describe(c) + " at position " + (offset + i + 1)
                        + ": only digits, dashes and dots are allowed (it looks like " + EXAMPLE + ")");
            }
        }
        String[] parts = text.split("-", -1);
        if (parts.length != PART_DIGITS.length) {
            throw new InvalidIdException("ePID has " + parts.length + " dash-separated parts, expected "
                    + PART_DIGITS.length + " (it looks like " + EXAMPLE + ")");
        }
        for (int i = 0; i < parts.length; i++) {
            checkPart(i + 1, parts[i], PART_DIGITS[i]);
        }
        return new ExtendedProductId(text);
    }

    private static void checkPart(int number, String part, int rule) throws InvalidIdException {
        if (rule == 0) {
            if (!BUILD_NUMBER.matcher(part).matches()) {
                throw new InvalidIdException("ePID part " + number + " is '" + part
                        + "', expected a build number like 9200.0000");
            }
            return;
        }
        if (part.indexOf('.') >= 0) {
            throw new InvalidIdException("ePID part " + number + " contains a dot: only its build part may");
        }
        if (rule < 0) {
            int min = -rule;
            if (part.length() < min || part.length() > min + 1) {
                throw new InvalidIdException("ePID part " + number + " has " + part.length() + " digits, expected "
                        + min + " or " + (min + 1));
            }
        } else if (part.length() != rule) {
            throw new InvalidIdException("ePID part " + number + " has " + part.length() + " digits, expected " + rule);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ExtendedProductId other && text.equals(other.text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    /** The ePID exactly as Windows reports it. */
    @Override
    public String toString() {
        return text;
    }
}
