package dev.airlock.kiosk.ui;

import dev.airlock.formats.outside.OutsideText;

/** Outside words (an exception's message) as the kiosk shows them: a sentence that starts with a capital. */
public final class Sentence {
    private Sentence() {}

    /** The message of {@code e} (or, when it has none, its kind in words) with a capital first letter. */
    public static String of(Throwable e) {
        String m = e.getMessage();
        return of(m == null || m.isBlank() ? "Something went wrong; the log says more" : m);
    }

    /** {@code text} with a capital first letter; a first word like "ePID" (lower, then upper) stays as it is. */
    public static String of(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        text = OutsideText.shown(text); // outside words are data, never layout
        int first = text.codePointAt(0);
        int next = Character.charCount(first);
        if (!Character.isLowerCase(first) || text.length() > next && Character.isUpperCase(text.codePointAt(next))) {
            return text;
        }
        return new StringBuilder(text.length()).appendCodePoint(Character.toUpperCase(first))
                .append(text, next, text.length()).toString();
    }
}
