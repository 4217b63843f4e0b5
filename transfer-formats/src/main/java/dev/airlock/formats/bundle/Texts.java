package dev.airlock.formats.bundle;

import java.nio.charset.StandardCharsets;

/** Rules for the few free-form strings a bundle may carry (product names, card labels, error texts). */
final class Texts {
    /** Longest product name, in UTF-8 bytes. */
    static final int MAX_PRODUCT_NAME_BYTES = 200;
    /** Longest error text, in UTF-8 bytes. */
    static final int MAX_ERROR_TEXT_BYTES = 200;
    /** Card label length bounds, in characters (code points). */
    static final int MAX_LABEL_CHARS = 64;

    private Texts() {}

    /** Null if {@code s} is acceptable, else why not. */
    static String problem(String s, int minChars, int maxChars, int maxBytes) {
        if (s == null) {
            return "is missing";
        }
        int chars = s.codePointCount(0, s.length());
        if (chars < minChars) {
            return minChars == 1 ? "is empty" : "is shorter than " + minChars + " characters";
        }
        if (chars > maxChars) {
            return "is " + chars + " characters long, at most " + maxChars + " allowed";
        }
        if (s.getBytes(StandardCharsets.UTF_8).length > maxBytes) {
            return "is longer than " + maxBytes + " bytes in UTF-8";
        }
        if (!s.equals(s.strip())) {
            return "starts or ends with white space";
        }
        // one rule for every string from outside: no control, bidi or format character, noncharacter
        // or lone surrogate
        return dev.airlock.formats.outside.OutsideText.problem(s).orElse(null);
    }

    static String checkProductName(String name) {
        String p = problem(name, 1, MAX_PRODUCT_NAME_BYTES, MAX_PRODUCT_NAME_BYTES);
        if (p != null) {
            throw new IllegalArgumentException("product name " + p);
        }
        return name;
    }
}
