package dev.airlock.formats.ids;

import java.util.List;

/**
 * Confirmation ID: 48 digits, shown as 8 groups of 6 (labelled A-H in the phone activation dialog).
 * Parsing does not verify check digits; {@link #groupCheck()} offers them as an advisory check.
 */
public final class ConfirmationId {
    private static final List<DigitGroups.Layout> LAYOUTS = List.of(new DigitGroups.Layout(8, 6, true, true));

    private final String digits;

    private ConfirmationId(String digits) {
        this.digits = digits;
    }

    /** Parses what a person typed: 48 digits, optionally grouped by spaces or dashes. */
    public static ConfirmationId parse(String text) throws InvalidIdException {
        return new ConfirmationId(DigitGroups.parse("CID", text, LAYOUTS));
    }

    /** The bare 48 digits, as {@code DepositOfflineConfirmationId} takes them. */
    public String digits() {
        return digits;
    }

    /** The 8 groups of 6 (A-H), for typing at the machine. */
    public List<String> groups() {
        return DigitGroups.split(digits, 6);
    }

    /** The advisory group check (see {@link GroupCheck}): which groups A-H look mistyped, if any. */
    public GroupCheck.Result groupCheck() {
        return GroupCheck.of(this);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConfirmationId other && digits.equals(other.digits);
    }

    @Override
    public int hashCode() {
        return digits.hashCode();
    }

    /** Canonical grouped form: 8 groups of 6 joined by dashes. */
    @Override
    public String toString() {
        return DigitGroups.format(digits, 6);
    }
}
