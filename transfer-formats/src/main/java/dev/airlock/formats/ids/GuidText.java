package dev.airlock.formats.ids;

/** Parses a GUID as people and WMI write it: braces optional, any case, dashes optional. */
final class GuidText {
    static final String EXAMPLE = "55c92734-d682-4d71-983e-d6ec3f16059f";
    private static final int[] GROUPS = {8, 4, 4, 4, 12};

    private GuidText() {}

    /** Returns the canonical lower-case dashed form or throws naming the first problem. */
    static String parse(String label, String input) throws InvalidIdException {
        if (input == null || input.isBlank()) {
            throw new InvalidIdException(label + " is empty: it is a GUID like " + EXAMPLE);
        }
        String text = input.strip();
        // positions in messages count from the start of the input as typed
        int offset = input.length() - input.stripLeading().length();
        if (text.startsWith("{") && text.endsWith("}") && text.length() >= 2) {
            text = text.substring(1, text.length() - 1);
            offset++;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            // ASCII only: Character.digit also accepts Arabic-Indic, fullwidth and other digits
            boolean hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            if (!hex && c != '-') {
                throw new InvalidIdException(label + " contains " + DigitGroups.describe(c) + " at position "
                        + (offset + i + 1)
                        + ": a GUID has only hex digits 0-9, a-f and dashes (like " + EXAMPLE + ")");
            }
        }
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        if (lower.indexOf('-') < 0) {
            if (lower.length() != 32) {
                throw new InvalidIdException(label + " must have 32 hex digits, got " + lower.length()
                        + " (a GUID looks like " + EXAMPLE + ")");
            }
            return lower.substring(0, 8) + '-' + lower.substring(8, 12) + '-' + lower.substring(12, 16) + '-'
                    + lower.substring(16, 20) + '-' + lower.substring(20);
        }
        String[] parts = lower.split("-", -1);
        if (parts.length != GROUPS.length) {
            throw new InvalidIdException(label + " has " + parts.length + " groups, expected 5 (a GUID looks like "
                    + EXAMPLE + ")");
        }
        for (int i = 0; i < parts.length; i++) {
            if (parts[i].length() != GROUPS[i]) {
                throw new InvalidIdException(label + " group " + (i + 1) + " has " + parts[i].length()
                        + " characters, expected " + GROUPS[i] + " (a GUID looks like " + EXAMPLE + ")");
            }
        }
        return lower;
    }
}
