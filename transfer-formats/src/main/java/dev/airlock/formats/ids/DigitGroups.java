package dev.airlock.formats.ids;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses long decimal identifiers typed in groups (IID, CID): digits separated by spaces or
 * dashes. Check digits are not verified here (see {@link GroupCheck}: advisory); only a digit
 * count one off a checked layout is located by them, to name the group where a digit was dropped.
 */
final class DigitGroups {
    /**
     * A permitted shape: {@code groups} groups of {@code size} digits each; {@code checked} when
     * its groups are known to carry {@link GroupCheck} digits, {@code lettered} when groups are
     * named A, B, … (a CID).
     */
    record Layout(int groups, int size, boolean checked, boolean lettered) {
        int digits() {
            return groups * size;
        }
    }

    private DigitGroups() {}

    /** Returns the bare digits of {@code input}, or throws naming the first problem. */
    static String parse(String label, String input, List<Layout> layouts) throws InvalidIdException {
        if (input == null || input.isBlank()) {
            throw new InvalidIdException(label + " is empty: type its " + lengths(layouts) + " digits");
        }
        List<String> groups = new ArrayList<>();
        StringBuilder digits = new StringBuilder(input.length());
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < input.length(); i++) {
            char c = input.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
                current.append(c);
            } else if (c == ' ' || c == '-' || c == '\t' || c == '\u00a0' || c == '\r' || c == '\n') {
                if (!current.isEmpty()) {
                    groups.add(current.toString());
                    current.setLength(0);
                }
            } else {
                throw new InvalidIdException(label + " contains " + describe(c) + " at position " + (i + 1)
                        + ": only digits 0-9, spaces and dashes are allowed");
            }
        }
        if (!current.isEmpty()) {
            groups.add(current.toString());
        }
        if (groups.size() > 1) {
            checkGrouping(label, groups, digits.length(), layouts);
        }
        for (Layout layout : layouts) {
            if (digits.length() == layout.digits()) {
                return digits.toString();
            }
        }
        throw new InvalidIdException(label + " must be " + lengths(layouts) + " digits, got " + digits.length()
                + shiftWords(digits.toString(), layouts));
    }

    /**
     * ": group 4 looks one digit short" when the count is one off a checked layout and the check
     * names at most two groups, else "".
     */
    private static String shiftWords(String digits, List<Layout> layouts) {
        for (Layout layout : layouts) {
            if (layout.checked()) {
                var shift = GroupCheck.locateShift(digits, layout.groups(), layout.size());
                if (shift.isPresent() && shift.get().groups().size() <= 2) {
                    return ": " + GroupCheck.looks(shift.get(), layout.lettered())
                            + (shift.get().isShort() ? " one digit short" : " one digit too long");
                }
            }
        }
        return "";
    }

    private static void checkGrouping(String label, List<String> groups, int total, List<Layout> layouts)
            throws InvalidIdException {
        Layout expected = closest(groups, total, layouts);
        if (groups.size() != expected.groups()) {
            throw new InvalidIdException(label + " has " + groups.size() + " groups, expected " + expected.groups()
                    + " groups of " + expected.size() + " digits");
        }
        for (int i = 0; i < groups.size(); i++) {
            int len = groups.get(i).length();
            if (len != expected.size()) {
                throw new InvalidIdException(label + " group " + (i + 1) + " has " + len + " digit"
                        + (len == 1 ? "" : "s") + ", expected " + expected.size());
            }
        }
    }

    /** The layout the typist most likely meant: exact total first, else the most common group size. */
    private static Layout closest(List<String> groups, int total, List<Layout> layouts) {
        for (Layout layout : layouts) {
            if (layout.digits() == total) {
                return layout;
            }
        }
        Layout best = layouts.get(0);
        long bestVotes = -1;
        for (Layout layout : layouts) {
            long votes = groups.stream().filter(g -> g.length() == layout.size()).count();
            if (votes > bestVotes) {
                best = layout;
                bestVotes = votes;
            }
        }
        return best;
    }

    /** Canonical grouped form: groups joined by dashes. */
    static String format(String digits, int size) {
        StringBuilder out = new StringBuilder(digits.length() + digits.length() / size);
        for (int i = 0; i < digits.length(); i += size) {
            if (i > 0) {
                out.append('-');
            }
            out.append(digits, i, i + size);
        }
        return out.toString();
    }

    /** Splits bare digits into groups of {@code size}. */
    static List<String> split(String digits, int size) {
        List<String> out = new ArrayList<>(digits.length() / size);
        for (int i = 0; i < digits.length(); i += size) {
            out.add(digits.substring(i, i + size));
        }
        return List.copyOf(out);
    }

    static String describe(char c) {
        if (Character.isISOControl(c) || Character.isWhitespace(c) || Character.isSpaceChar(c)
                || Character.isSurrogate(c) || Character.getType(c) == Character.FORMAT) {
            return String.format("the character U+%04X", (int) c);
        }
        return "'" + c + "'";
    }

    /** The permitted digit counts, smallest first: "48", "54 or 63". */
    private static String lengths(List<Layout> layouts) {
        int[] counts = layouts.stream().mapToInt(Layout::digits).sorted().toArray();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < counts.length; i++) {
            if (i > 0) {
                out.append(i == counts.length - 1 ? " or " : ", ");
            }
            out.append(counts[i]);
        }
        return out.toString();
    }
}
