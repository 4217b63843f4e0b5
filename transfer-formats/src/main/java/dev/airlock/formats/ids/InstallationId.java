package dev.airlock.formats.ids;

import java.util.List;

/**
 * Installation ID: 63 digits in 9 groups of 7 (Windows 8+, current Office) or 54 digits in 9
 * groups of 6 (Windows 7, Office 2010). Parsing does not verify check digits; {@link #groupCheck()}
 * offers them as an advisory check to input surfaces.
 */
public final class InstallationId {
    private static final List<DigitGroups.Layout> LAYOUTS =
            List.of(new DigitGroups.Layout(9, 7, true, false), new DigitGroups.Layout(9, 6, false, false));

    private final String digits;

    private InstallationId(String digits) {
        this.digits = digits;
    }

    /** Parses what a person typed or a machine reported: digits, optionally grouped by spaces or dashes. */
    public static InstallationId parse(String text) throws InvalidIdException {
        return new InstallationId(DigitGroups.parse("IID", text, LAYOUTS));
    }

    /** The bare digits, as WMI's {@code OfflineInstallationId} and BatchActivation carry them. */
    public String digits() {
        return digits;
    }

    /** Digits per group: 7 for a 63-digit IID, 6 for a 54-digit one. */
    public int groupSize() {
        return digits.length() / 9;
    }

    /** The 9 groups, for display in big grouped digits. */
    public List<String> groups() {
        return DigitGroups.split(digits, groupSize());
    }

    /** The advisory group check: mistyped groups for 63 digits, unconfirmed ones for 54 (see {@link GroupCheck}). */
    public GroupCheck.Result groupCheck() {
        return GroupCheck.of(this);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InstallationId other && digits.equals(other.digits);
    }

    @Override
    public int hashCode() {
        return digits.hashCode();
    }

    /** Canonical grouped form, e.g. {@code 1234567-1234567-...}. */
    @Override
    public String toString() {
        return DigitGroups.format(digits, groupSize());
    }
}
