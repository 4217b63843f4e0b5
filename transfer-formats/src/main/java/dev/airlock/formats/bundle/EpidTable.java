package dev.airlock.formats.bundle;

import dev.airlock.formats.ids.ExtendedProductId;
import dev.airlock.formats.ids.InvalidIdException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The request's ePID table (FORMAT.md, "ePID table"): sorted by {@link #sortKey}, the first entry
 * in full, every later one as the difference from the entry before it. ePIDs of one MAK differ
 * only in the install date (and sometimes the build), so most entries cost one byte.
 *
 * <p>An ePID is cut into fields: the seven dash-separated parts before the date (platform, key
 * group, key serial in two parts, channel, LCID, build) and the install date {@code DDDYYYY}
 * as day-of-year and year.
 */
final class EpidTable {
    /** Parts before the date. */
    static final int PREFIX_PARTS = 7;
    /** Digits of parts 1-5 (platform, key group, serial, serial, channel). */
    private static final int[] FIXED_DIGITS = {5, 5, 3, 6, 2};
    private static final int LCID = 5;
    private static final int BUILD = 6;
    private static final int MAX_BUILD_GROUPS = 4;
    private static final int MAX_BUILD_GROUP_DIGITS = 6;
    private static final int DATE_BIT = 1 << PREFIX_PARTS;
    private static final String[] PART_NAMES = {"platform", "key group", "key serial", "key serial",
            "channel", "LCID", "build"};

    private EpidTable() {}

    /** An ePID's fields: the parts before the date, as text, and the date's year and day. */
    private record Fields(String[] prefix, int year, int day) {
        static Fields of(ExtendedProductId epid) {
            String[] parts = epid.toString().split("-", -1);
            String date = parts[PREFIX_PARTS]; // always 7 digits in a valid ePID
            return new Fields(Arrays.copyOf(parts, PREFIX_PARTS), Integer.parseInt(date.substring(3)),
                    Integer.parseInt(date.substring(0, 3)));
        }

        boolean samePrefix(Fields o) {
            return Arrays.equals(prefix, o.prefix);
        }

        String text() {
            return String.join("-", prefix) + "-" + String.format(Locale.ROOT, "%03d%04d", day, year);
        }
    }

    /**
     * The canonical sort key: the ePID's text with the date's year moved before its day
     * ({@code DDDYYYY} read as {@code YYYYDDD}), compared as ASCII text.
     */
    static String sortKey(ExtendedProductId epid) {
        String t = epid.toString();
        int dash = t.lastIndexOf('-');
        return t.substring(0, dash + 1) + t.substring(dash + 4) + t.substring(dash + 1, dash + 4);
    }

    static final Comparator<ExtendedProductId> ORDER = Comparator.comparing(EpidTable::sortKey);

    /** The distinct ePIDs in canonical table order. */
    static List<ExtendedProductId> sorted(Collection<ExtendedProductId> epids) {
        return epids.stream().distinct().sorted(ORDER).toList();
    }

    /** Writes the count and the entries of a table already in canonical order. */
    static void write(WireWriter w, List<ExtendedProductId> table) {
        w.varint(table.size());
        Fields previous = null;
        for (ExtendedProductId e : table) {
            Fields f = Fields.of(e);
            if (previous == null) {
                w.nibbleText(e.toString());
            } else {
                writeDelta(w, previous, f);
            }
            previous = f;
        }
    }

    private static void writeDelta(WireWriter w, Fields p, Fields c) {
        if (c.samePrefix(p) && c.year() == p.year()) {
            if (c.day() <= p.day()) {
                throw new IllegalArgumentException("ePID table not in canonical order");
            }
            w.varint((c.day() - p.day() - 1) * 2L);
        } else if (c.samePrefix(p)) {
            if (c.year() <= p.year()) {
                throw new IllegalArgumentException("ePID table not in canonical order");
            }
            w.varint(((c.year() - p.year() - 1) * 1000L + c.day()) * 4 + 1);
        } else {
            int mask = 0;
            for (int k = 0; k < PREFIX_PARTS; k++) {
                if (!c.prefix()[k].equals(p.prefix()[k])) {
                    mask |= 1 << k;
                }
            }
            boolean dateDiffers = c.year() != p.year() || c.day() != p.day();
            if (dateDiffers) {
                mask |= DATE_BIT;
            }
            w.varint(mask * 4L + 3);
            for (int k = 0; k < PREFIX_PARTS; k++) {
                if ((mask & 1 << k) != 0) {
                    writePart(w, k, c.prefix()[k]);
                }
            }
            if (dateDiffers) {
                w.varint(c.year() * 1000L + c.day());
            }
        }
    }

    private static void writePart(WireWriter w, int k, String part) {
        if (k < LCID) {
            w.varint(Long.parseLong(part));
        } else if (k == LCID) {
            w.varint(Long.parseLong(part) * 2 + (part.length() - 4));
        } else {
            String[] groups = part.split("\\.", -1);
            w.varint(groups.length);
            for (String g : groups) {
                w.varint(Long.parseLong(g) * 8 + (g.length() - 1));
            }
        }
    }

    /**
     * Reads the count and the entries, refusing any form {@link #write} would not produce: an
     * entry out of order or repeated, a part stored that equals the previous entry's, a longer
     * form where a shorter one applies, a number of more digits than its part has.
     */
    static List<ExtendedProductId> read(WireReader r, int max) throws MalformedBundleException {
        int n = r.count("ePID count", max, 1);
        List<ExtendedProductId> table = new ArrayList<>(n);
        Fields previous = null;
        String previousKey = null;
        for (int i = 0; i < n; i++) {
            String field = "ePID " + i;
            int at = r.position();
            String text;
            if (previous == null) {
                text = r.nibbleText(field, RequestCodec.MAX_EPID_CHARS);
            } else {
                text = readDelta(r, field, previous).text();
            }
            ExtendedProductId e;
            try {
                e = ExtendedProductId.parse(text);
            } catch (InvalidIdException ex) {
                throw r.errorAt(field, "is not a valid ePID: " + ex.getMessage());
            }
            String key = sortKey(e);
            if (previousKey != null && key.compareTo(previousKey) <= 0) {
                throw new MalformedBundleException("request payload: " + field + " (at byte " + at + ") "
                        + (key.equals(previousKey) ? "repeats an earlier ePID; each ePID is listed once"
                                : "is out of order; the ePID table is sorted (FORMAT.md)"));
            }
            previousKey = key;
            previous = Fields.of(e);
            table.add(e);
        }
        return table;
    }

    private static Fields readDelta(WireReader r, String field, Fields p) throws MalformedBundleException {
        long tag = r.varint(field + " form", Long.MAX_VALUE);
        if ((tag & 1) == 0) {
            long day = p.day() + (tag >>> 1) + 1;
            if (day > 999) {
                throw r.errorAt(field, "moves the day of year past 999");
            }
            return new Fields(p.prefix(), p.year(), (int) day);
        }
        if ((tag & 3) == 1) {
            long q = tag >>> 2;
            long year = p.year() + q / 1000 + 1;
            if (year > 9999) {
                throw r.errorAt(field, "moves the year past 9999");
            }
            return new Fields(p.prefix(), (int) year, (int) (q % 1000));
        }
        long mask = tag >>> 2;
        if (mask >= 2L * DATE_BIT) {
            throw r.errorAt(field, "names parts " + Long.toBinaryString(mask) + " but an ePID has only 8");
        }
        if ((mask & (DATE_BIT - 1)) == 0) {
            throw r.errorAt(field, "changes no part before the date; that is written in a shorter form");
        }
        String[] prefix = p.prefix().clone();
        for (int k = 0; k < PREFIX_PARTS; k++) {
            if ((mask & 1L << k) != 0) {
                String f = field + " " + PART_NAMES[k];
                String part = readPart(r, k, f);
                if (part.equals(p.prefix()[k])) {
                    throw r.errorAt(f, "equals the previous ePID's; only parts that differ are stored");
                }
                prefix[k] = part;
            }
        }
        int year = p.year();
        int day = p.day();
        if ((mask & DATE_BIT) != 0) {
            long v = r.varint(field + " install date", 9_999_999);
            year = (int) (v / 1000);
            day = (int) (v % 1000);
            if (year == p.year() && day == p.day()) {
                throw r.errorAt(field + " install date", "equals the previous ePID's; only parts that differ are stored");
            }
        }
        return new Fields(prefix, year, day);
    }

    private static String readPart(WireReader r, int k, String field) throws MalformedBundleException {
        if (k < LCID) {
            int digits = FIXED_DIGITS[k];
            long v = r.varint(field, pow10(digits) - 1);
            return pad(v, digits);
        }
        if (k == LCID) {
            long v = r.varint(field, (pow10(5) - 1) * 2 + 1);
            int digits = 4 + (int) (v & 1);
            long value = v >>> 1;
            if (value >= pow10(digits)) {
                throw r.errorAt(field, "holds " + value + ", more than " + digits + " digits");
            }
            return pad(value, digits);
        }
        int groups = (int) r.varint(field + " group count", MAX_BUILD_GROUPS);
        if (groups == 0) {
            throw r.errorAt(field + " group count", "is 0; a build has 1 to " + MAX_BUILD_GROUPS + " groups");
        }
        StringBuilder s = new StringBuilder();
        for (int g = 0; g < groups; g++) {
            long v = r.varint(field + " group " + g, (pow10(MAX_BUILD_GROUP_DIGITS) - 1) * 8 + 7);
            int digits = (int) (v & 7) + 1;
            long value = v >>> 3;
            if (digits > MAX_BUILD_GROUP_DIGITS) {
                throw r.errorAt(field + " group " + g, "has " + digits + " digits, at most "
                        + MAX_BUILD_GROUP_DIGITS);
            }
            if (value >= pow10(digits)) {
                throw r.errorAt(field + " group " + g, "holds " + value + ", more than " + digits + " digits");
            }
            if (g > 0) {
                s.append('.');
            }
            s.append(pad(value, digits));
        }
        return s.toString();
    }

    private static long pow10(int n) {
        long p = 1;
        for (int i = 0; i < n; i++) {
            p *= 10;
        }
        return p;
    }

    private static String pad(long value, int digits) {
        String s = Long.toString(value);
        return "0".repeat(digits - s.length()) + s;
    }
}
