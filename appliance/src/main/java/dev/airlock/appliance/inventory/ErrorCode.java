package dev.airlock.appliance.inventory;

import java.util.Locale;

/**
 * A BatchActivation error code a rejection carries (e.g. {@code 0x7F}), as a value: stored in its
 * own column and shown as {@code 0x} and upper-case hex.
 */
public record ErrorCode(int value) {

    /** The code as people and the store see it: {@code 0x} and upper-case hex, no leading zeros. */
    public String text() {
        return "0x" + Integer.toHexString(value).toUpperCase(Locale.ROOT);
    }

    /**
     * Parses the stored form ({@link #text()}), and only that form, so the text shown again is the
     * text stored.
     *
     * @throws IllegalArgumentException when {@code text} is not {@code 0x} and 1 to 8 canonical hex digits
     */
    public static ErrorCode parse(String text) {
        if (text == null || !text.matches("0x(0|[1-9A-F][0-9A-F]{0,7})")) {
            throw new IllegalArgumentException("not an error code in the form 0x7F: " + text);
        }
        return new ErrorCode(Integer.parseUnsignedInt(text.substring(2), 16));
    }

    @Override
    public String toString() {
        return text();
    }
}
