package dev.airlock.kiosk.ui;

/** What a digit-group field takes as digits: 0-9, and the AZERTY number row typed without shift. */
final class DigitKeys {
    /** AZERTY number-row characters typed without shift, mapped to their digits. */
    private static final String AZERTY = "&é\"'(-è_çà";
    /** The characters a group field lets through: digits, the AZERTY number row, spaces and dashes. */
    static final String ALLOWED = "[0-9" + AZERTY.replace("\"", "\\\"") + " -]";

    private DigitKeys() {
    }

    /**
     * Digits only: AZERTY number-row characters typed without shift become digits; spaces go. A
     * dash is the AZERTY 6 when typed alone, but a separator inside a pasted or scanned number
     * (more characters than one group holds), e.g. {@code 1234567-1234567-...}.
     */
    static String digitsOf(String typed, boolean pasted) {
        StringBuilder sb = new StringBuilder(typed.length());
        for (char c : typed.toCharArray()) {
            int az = AZERTY.indexOf(c);
            if (c >= '0' && c <= '9') {
                sb.append(c);
            } else if (az >= 0 && !(pasted && c == '-')) {
                sb.append((char) ('0' + (az + 1) % 10));
            }
        }
        return sb.toString();
    }

    /** CIDs (8 groups) are lettered A-H like the phone activation dialog; IIDs (9 groups) are numbered. */
    static String letterOrNumber(int i, int count) {
        return count == 8 ? String.valueOf((char) ('A' + i)) : String.valueOf(i + 1);
    }
}
