package dev.airlock.formats.ids;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The check digit at the end of each IID and CID group, an advisory typing check: the last
 * digit of a group equals {@code (d1 + 2·d2 + d3 + 2·d4 + …) mod 7} over the group's other digits.
 *
 * <p>Provenance: the rule is not officially documented; it fits public 63-digit IIDs (9 groups
 * of 7) and a public 48-digit CID (8 groups of 6), and the public Windows XP activation code
 * applies it to 6-digit groups (see {@code shared/design/domain-facts.md}). Whether 54-digit IIDs
 * (Windows 7, Office 2010) follow it is not confirmed, so their failing groups are only
 * {@link Result.Unconfirmed}. It catches every single-digit change except one by ±7
 * (0↔7, 1↔8, 2↔9), and a final digit of 7, 8 or 9 is always wrong. Parsing never depends on it:
 * an ID that fails still parses, and a person may keep it as typed.
 */
public final class GroupCheck {
    /** What the check says about a whole ID. */
    public sealed interface Result permits Result.Fits, Result.Mistyped, Result.Unconfirmed {
        /** The failing groups, 1-based, in order; empty when every group fits. */
        List<Integer> groups();

        /** Every group's check digit fits. */
        record Fits() implements Result {
            @Override
            public List<Integer> groups() {
                return List.of();
            }
        }

        /** These groups (1-based) fail a check that real IDs of this kind are known to pass: likely typos. */
        record Mistyped(List<Integer> groups) implements Result {
            public Mistyped {
                groups = List.copyOf(groups);
                if (groups.isEmpty()) {
                    throw new IllegalArgumentException("a mistyped ID names at least one group");
                }
            }
        }

        /**
         * These groups (1-based) fail the check, but IDs of this kind (54-digit IIDs) are not known to
         * follow it: worth a warning, never a refusal.
         */
        record Unconfirmed(List<Integer> groups) implements Result {
            public Unconfirmed {
                groups = List.copyOf(groups);
                if (groups.isEmpty()) {
                    throw new IllegalArgumentException("an unconfirmed result names at least one group");
                }
            }
        }
    }

    /**
     * Where a digit went missing or came in extra, for typed digits one off a checked length:
     * {@code groups} are the 1-based groups it can be in (usually one), {@code delta} is -1 for a
     * dropped digit, +1 for an extra one.
     */
    public record Shift(List<Integer> groups, int delta) {
        public Shift {
            groups = List.copyOf(groups);
            if (groups.isEmpty() || (delta != -1 && delta != 1)) {
                throw new IllegalArgumentException("a shift names a group and is one digit short or long");
            }
        }

        /** True when a digit is missing. */
        public boolean isShort() {
            return delta < 0;
        }
    }

    private GroupCheck() {}

    /** The check digit (0-6) for a group's data digits, weights 1,2,1,2,… from the left. */
    public static int checkDigit(CharSequence data) {
        int sum = 0;
        for (int i = 0; i < data.length(); i++) {
            char c = data.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("not a digit at position " + (i + 1));
            }
            sum += (c - '0') * (i % 2 == 0 ? 1 : 2);
        }
        return sum % 7;
    }

    /** True when the last digit of {@code group} (at least 2 digits) is the check digit of the others. */
    public static boolean fits(CharSequence group) {
        if (group.length() < 2) {
            throw new IllegalArgumentException("a checked group has at least 2 digits");
        }
        int last = group.charAt(group.length() - 1) - '0';
        return checkDigit(group.subSequence(0, group.length() - 1)) == last;
    }

    /** The check for an IID: 63 digits are checked; 54-digit IIDs only give {@link Result.Unconfirmed}. */
    public static Result of(InstallationId iid) {
        List<Integer> failing = failing(iid.digits(), iid.groupSize());
        if (failing.isEmpty()) {
            return new Result.Fits();
        }
        return iid.groupSize() == 7 ? new Result.Mistyped(failing) : new Result.Unconfirmed(failing);
    }

    /** The check for a CID (8 groups of 6). */
    public static Result of(ConfirmationId cid) {
        List<Integer> failing = failing(cid.digits(), 6);
        return failing.isEmpty() ? new Result.Fits() : new Result.Mistyped(failing);
    }

    /** The 1-based groups of {@code size} digits in {@code digits} whose check digit does not fit. */
    public static List<Integer> failing(String digits, int size) {
        if (size < 2 || digits.length() % size != 0) {
            throw new IllegalArgumentException(digits.length() + " digits do not make groups of " + size);
        }
        List<Integer> out = new ArrayList<>();
        for (int g = 0; g * size < digits.length(); g++) {
            if (!fits(digits.subSequence(g * size, (g + 1) * size))) {
                out.add(g + 1);
            }
        }
        return List.copyOf(out);
    }

    /**
     * {@code digits} with each group's last digit replaced by its check digit: for making up demo
     * and test IDs that pass the check.
     */
    public static String withCheckDigits(String digits, int size) {
        if (size < 2 || digits.length() % size != 0) {
            throw new IllegalArgumentException(digits.length() + " digits do not make groups of " + size);
        }
        StringBuilder out = new StringBuilder(digits);
        for (int end = size; end <= digits.length(); end += size) {
            out.setCharAt(end - 1, (char) ('0' + checkDigit(digits.subSequence(end - size, end - 1))));
        }
        return out.toString();
    }

    /**
     * For {@code digits} one short of or one over {@code count} groups of {@code size}: the group
     * where the digit was dropped (or added). A group {@code k} is a candidate when the groups
     * before it fit as cut from the left and the groups after it fit as cut from the right (so
     * with one dropped digit and no other typo, the first group that fails cut from the left is
     * where the shift starts). Empty when the length is not one off, or when no group is a
     * candidate (more than one typo). Several candidates mean the check cannot tell them apart.
     */
    public static Optional<Shift> locateShift(String digits, int count, int size) {
        int delta = digits.length() - count * size;
        if (delta != -1 && delta != 1 || size < 2 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        List<Integer> candidates = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            if (fitFromLeft(digits, 0, k, size) && fitFromLeft(digits, (k + 1) * size + delta, count - k - 1, size)) {
                candidates.add(k + 1);
            }
        }
        if (candidates.isEmpty()) {
            return Optional.empty(); // more than one typo: the check cannot tell where
        }
        return Optional.of(new Shift(candidates, delta));
    }

    /** The {@code n} groups of {@code size} starting at {@code from} all fit. */
    private static boolean fitFromLeft(String digits, int from, int n, int size) {
        for (int g = 0; g < n; g++) {
            if (!fits(digits.subSequence(from + g * size, from + (g + 1) * size))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Failing groups in words with their verb: "group 4 looks", "groups 4 and 6 look" (letters
     * A-H when {@code lettered}, as for a CID).
     */
    public static String looks(List<Integer> groups, boolean lettered) {
        return names(groups, lettered) + (groups.size() == 1 ? " looks" : " look");
    }

    /** Groups in words: "group 4", "groups 4 and 6" (letters A-H when {@code lettered}). */
    public static String names(List<Integer> groups, boolean lettered) {
        return (groups.size() == 1 ? "group " : "groups ") + join(groups, lettered, " and ");
    }

    /** Where a shift can be, with its verb: "group 4 looks", "group 4 or 5 looks". */
    public static String looks(Shift shift, boolean lettered) {
        return "group " + join(shift.groups(), lettered, " or ") + " looks";
    }

    private static String join(List<Integer> groups, boolean lettered, String last) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < groups.size(); i++) {
            if (i > 0) {
                out.append(i == groups.size() - 1 ? last : ", ");
            }
            out.append(label(groups.get(i), lettered));
        }
        return out.toString();
    }

    /** A group's name: its number, or its letter A-H when {@code lettered} (a CID). */
    public static String label(int group, boolean lettered) {
        return lettered ? String.valueOf((char) ('A' + group - 1)) : Integer.toString(group);
    }
}
