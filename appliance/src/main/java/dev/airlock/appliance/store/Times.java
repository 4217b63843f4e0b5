package dev.airlock.appliance.store;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The store's one time format: UTC, millisecond precision, fixed width (so text order is time order). */
public final class Times {
    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Times() {}

    public static String format(Instant instant) {
        return FORMAT.format(instant);
    }

    /**
     * The instant {@code text} names, as {@link Instant#parse} reads it; the store's own fixed-width
     * form ({@code 2026-01-31T23:59:59.123Z}) is read directly, without the general ISO parser
     * (three per product row, so it shows in every listing and export).
     */
    public static Instant parse(String text) {
        if (text.length() == 24 && text.charAt(4) == '-' && text.charAt(7) == '-' && text.charAt(10) == 'T'
                && text.charAt(13) == ':' && text.charAt(16) == ':' && text.charAt(19) == '.'
                && text.charAt(23) == 'Z') {
            int year = digits(text, 0, 4);
            int month = digits(text, 5, 7);
            int day = digits(text, 8, 10);
            int hour = digits(text, 11, 13);
            int minute = digits(text, 14, 16);
            int second = digits(text, 17, 19);
            int milli = digits(text, 20, 23);
            if (year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= java.time.YearMonth.of(year, month)
                    .lengthOfMonth() && hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59 && second >= 0
                    && second <= 59 && milli >= 0) {
                long days = java.time.LocalDate.of(year, month, day).toEpochDay();
                return Instant.ofEpochSecond(days * 86_400 + hour * 3_600L + minute * 60L + second,
                        milli * 1_000_000L);
            }
        }
        return Instant.parse(text); // anything else (or out of range) as the ISO parser says it
    }

    /** The decimal number in {@code text[from, to)}, or -1 when a character there is not an ASCII digit. */
    private static int digits(String text, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }
}
