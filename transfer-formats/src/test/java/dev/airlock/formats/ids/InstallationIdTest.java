package dev.airlock.formats.ids;

import static dev.airlock.formats.ids.IdSamples.IID54_CANONICAL;
import static dev.airlock.formats.ids.IdSamples.IID54_DIGITS;
import static dev.airlock.formats.ids.IdSamples.IID54_GROUPS;
import static dev.airlock.formats.ids.IdSamples.IID63_CANONICAL;
import static dev.airlock.formats.ids.IdSamples.IID63_DIGITS;
import static dev.airlock.formats.ids.IdSamples.IID63_GROUPS;
import static dev.airlock.formats.ids.IdSamples.IID_ALLOWED;
import static dev.airlock.formats.ids.IdSamples.replaceAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class InstallationIdTest {

    private static void assertRejected(String input, String message) {
        assertThatThrownBy(() -> InstallationId.parse(input))
                .isExactlyInstanceOf(InvalidIdException.class)
                .hasMessage(message);
    }

    // --- canonical form -------------------------------------------------------------------

    @Test
    void toString_of63Digits_isNineDashedGroupsOfSeven() throws Exception {
        InstallationId iid = InstallationId.parse(IID63_DIGITS);

        assertThat(iid.toString()).isEqualTo(IID63_CANONICAL);
        assertThat(iid.digits()).isEqualTo(IID63_DIGITS);
        assertThat(iid.groupSize()).isEqualTo(7);
        assertThat(iid.groups()).containsExactlyElementsOf(IID63_GROUPS);
    }

    @Test
    void toString_of54Digits_isNineDashedGroupsOfSix() throws Exception {
        InstallationId iid = InstallationId.parse(IID54_DIGITS);

        assertThat(iid.toString()).isEqualTo(IID54_CANONICAL);
        assertThat(iid.digits()).isEqualTo(IID54_DIGITS);
        assertThat(iid.groupSize()).isEqualTo(6);
        assertThat(iid.groups()).containsExactlyElementsOf(IID54_GROUPS);
    }

    @Test
    void groups_areUnmodifiable() throws Exception {
        List<String> groups = InstallationId.parse(IID63_DIGITS).groups();

        assertThatThrownBy(() -> groups.add("1234567")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void parse_ofCanonicalForm_roundTrips() throws Exception {
        assertThat(InstallationId.parse(IID63_CANONICAL).toString()).isEqualTo(IID63_CANONICAL);
        assertThat(InstallationId.parse(IID54_CANONICAL).toString()).isEqualTo(IID54_CANONICAL);
    }

    // --- typing variants ------------------------------------------------------------------

    @Test
    void parse_acceptsEveryCommonTypingVariant_asTheSameId() throws Exception {
        InstallationId expected = InstallationId.parse(IID63_DIGITS);
        List<String> variants = List.of(
                String.join(" ", IID63_GROUPS),
                String.join("-", IID63_GROUPS),
                String.join("\t", IID63_GROUPS),
                String.join("\u00a0", IID63_GROUPS),
                String.join(" - ", IID63_GROUPS),
                String.join("  ", IID63_GROUPS),
                mixed(IID63_GROUPS),
                "  " + String.join(" ", IID63_GROUPS) + "  ",
                "\t" + IID63_DIGITS + "\t",
                "-" + IID63_CANONICAL + "-",
                IID63_DIGITS);

        for (String variant : variants) {
            assertThat(InstallationId.parse(variant)).as("variant [%s]", variant).isEqualTo(expected);
            assertThat(InstallationId.parse(variant).toString()).isEqualTo(IID63_CANONICAL);
        }
    }

    @Test
    void parse_acceptsTypingVariants_ofA54DigitId() throws Exception {
        InstallationId expected = InstallationId.parse(IID54_DIGITS);

        assertThat(InstallationId.parse(String.join(" ", IID54_GROUPS))).isEqualTo(expected);
        assertThat(InstallationId.parse(mixed(IID54_GROUPS))).isEqualTo(expected);
        assertThat(InstallationId.parse(" \t" + IID54_CANONICAL + " ")).isEqualTo(expected);
    }

    private static String mixed(List<String> groups) {
        String[] seps = {" ", "-", "\t", " - ", "--", "\u00a0"};
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < groups.size(); i++) {
            if (i > 0) {
                out.append(seps[i % seps.length]);
            }
            out.append(groups.get(i));
        }
        return out.toString();
    }

    // --- characters -----------------------------------------------------------------------

    @Test
    void parse_withLetter_namesTheLetterAndItsPosition() {
        String input = replaceAt(IID63_CANONICAL, 10, 'A');

        assertRejected(input, "IID contains 'A' at position 11: " + IID_ALLOWED);
    }

    @Test
    void parse_withLetterInUngroupedDigits_countsPositionFromOne() {
        assertRejected("x" + IID63_DIGITS, "IID contains 'x' at position 1: " + IID_ALLOWED);
        assertRejected(IID63_DIGITS + "O", "IID contains 'O' at position 64: " + IID_ALLOWED);
    }

    @Test
    void parse_withLetterAfterLeadingSpaces_countsPositionInTheRawInput() {
        assertRejected("  12I", "IID contains 'I' at position 5: " + IID_ALLOWED);
    }

    @Test
    void parse_reportsTheFirstBadCharacter_beforeAnyLengthProblem() {
        assertRejected("12B4.", "IID contains 'B' at position 3: " + IID_ALLOWED);
    }

    @Test
    void parse_withArabicIndicDigits_rejectsThem() {
        String input = "\u0661\u0662\u0663" + IID63_DIGITS.substring(3);

        assertRejected(input, "IID contains '\u0661' at position 1: " + IID_ALLOWED);
    }

    @Test
    void parse_withExtendedArabicIndicDigit_rejectsIt() {
        assertRejected(replaceAt(IID63_DIGITS, 5, '\u06f5'), "IID contains '\u06f5' at position 6: " + IID_ALLOWED);
    }

    @Test
    void parse_withFullwidthDigits_rejectsThem() {
        String input = replaceAt(IID63_CANONICAL, 8, '\uff13');

        assertRejected(input, "IID contains '\uff13' at position 9: " + IID_ALLOWED);
    }

    @Test
    void parse_withDevanagariDigit_rejectsIt() {
        assertRejected(replaceAt(IID63_DIGITS, 0, '\u0967'), "IID contains '\u0967' at position 1: " + IID_ALLOWED);
    }

    @Test
    void parse_withNulCharacter_describesItByCodePoint() {
        assertRejected(replaceAt(IID63_DIGITS, 2, '\u0000'),
                "IID contains the character U+0000 at position 3: " + IID_ALLOWED);
    }

    @Test
    void parse_withTrailingOrInnerLineBreaks_acceptsPastedText() throws InvalidIdException {
        InstallationId plain = InstallationId.parse(IID63_DIGITS);
        assertThat(InstallationId.parse(IID63_DIGITS + "\n")).isEqualTo(plain);
        assertThat(InstallationId.parse(IID63_DIGITS + "\r\n")).isEqualTo(plain);
        assertThat(InstallationId.parse(plain.toString().replace("-", "\r\n"))).isEqualTo(plain);
    }

    @Test
    void parse_withOtherControlAndInvisibleCharacters_describesThemByCodePoint() {
        assertRejected("12\u001b34", "IID contains the character U+001B at position 3: " + IID_ALLOWED);
        assertRejected("12\u007f34", "IID contains the character U+007F at position 3: " + IID_ALLOWED);
        assertRejected("12\u200b34", "IID contains the character U+200B at position 3: " + IID_ALLOWED);
        assertRejected("\ufeff12", "IID contains the character U+FEFF at position 1: " + IID_ALLOWED);
        assertRejected("12\u200734", "IID contains the character U+2007 at position 3: " + IID_ALLOWED);
        assertRejected("12\u3000 34", "IID contains the character U+3000 at position 3: " + IID_ALLOWED);
    }

    @Test
    void parse_withEmoji_describesTheSurrogateByCodePoint() {
        assertRejected("12\ud83d\ude00", "IID contains the character U+D83D at position 3: " + IID_ALLOWED);
    }

    @Test
    void parse_withOtherPunctuation_namesIt() {
        assertRejected("1234567.1234567", "IID contains '.' at position 8: " + IID_ALLOWED);
        assertRejected("1234567_1234567", "IID contains '_' at position 8: " + IID_ALLOWED);
        assertRejected("1234567\u20131234567", "IID contains '\u2013' at position 8: " + IID_ALLOWED);
    }

    // --- lengths --------------------------------------------------------------------------

    @Test
    void parse_with62UngroupedDigits_reportsTheCount() {
        assertRejected(IID63_DIGITS.substring(1), "IID must be 54 or 63 digits, got 62");
    }

    @Test
    void parse_with64UngroupedDigits_reportsTheCount() {
        assertRejected(IID63_DIGITS + "0", "IID must be 54 or 63 digits, got 64");
    }

    @Test
    void parse_with53Or55UngroupedDigits_reportsTheCount() {
        assertRejected(IID54_DIGITS.substring(1), "IID must be 54 or 63 digits, got 53");
        assertRejected(IID54_DIGITS + "1", "IID must be 54 or 63 digits, got 55");
    }

    @Test
    void parse_withOnlySeparators_reportsZeroDigits() {
        assertRejected("- -", "IID must be 54 or 63 digits, got 0");
        assertRejected("\u00a0", "IID must be 54 or 63 digits, got 0");
    }

    // --- grouping -------------------------------------------------------------------------

    @Test
    void parse_withGroupOfSixDigits_namesTheGroup() {
        List<String> groups = new ArrayList<>(IID63_GROUPS);
        groups.set(3, groups.get(3).substring(1));

        assertRejected(String.join("-", groups), "IID group 4 has 6 digits, expected 7");
    }

    @Test
    void parse_withGroupOfEightDigits_namesTheGroup() {
        List<String> groups = new ArrayList<>(IID63_GROUPS);
        groups.set(8, groups.get(8) + "0");

        assertRejected(String.join(" ", groups), "IID group 9 has 8 digits, expected 7");
    }

    @Test
    void parse_withSingleDigitGroup_usesSingular() {
        List<String> groups = new ArrayList<>(IID63_GROUPS);
        groups.set(0, "1");

        assertRejected(String.join(" ", groups), "IID group 1 has 1 digit, expected 7");
    }

    @Test
    void parse_ofSixDigitGroupsWithOneShortGroup_expectsSix() {
        List<String> groups = new ArrayList<>(IID54_GROUPS);
        groups.set(8, groups.get(8).substring(1));

        assertRejected(String.join("-", groups), "IID group 9 has 5 digits, expected 6");
    }

    @Test
    void parse_withMisplacedSeparator_namesTheFirstBadGroup() {
        // 63 digits, 9 groups, but one separator moved one digit to the left
        String moved = IID63_CANONICAL.substring(0, 14) + "-" + IID63_CANONICAL.charAt(14) + IID63_CANONICAL.substring(16);

        assertThat(moved.replace("-", "")).isEqualTo(IID63_DIGITS);
        assertRejected(moved, "IID group 2 has 6 digits, expected 7");
    }

    @Test
    void parse_withEightGroupsOfSeven_reportsTheGroupCount() {
        assertRejected(String.join("-", IID63_GROUPS.subList(0, 8)), "IID has 8 groups, expected 9 groups of 7 digits");
    }

    @Test
    void parse_withTenGroupsOfSeven_reportsTheGroupCount() {
        List<String> groups = new ArrayList<>(IID63_GROUPS);
        groups.add("0000000");

        assertRejected(String.join(" ", groups), "IID has 10 groups, expected 9 groups of 7 digits");
    }

    @Test
    void parse_with63DigitsInSevenGroupsOfNine_reportsTheGroupCount() {
        assertRejected(DigitGroups.format(IID63_DIGITS, 9), "IID has 7 groups, expected 9 groups of 7 digits");
    }

    @Test
    void parse_withEightGroupsOfSix_expectsGroupsOfSix() {
        assertRejected(String.join(" ", IID54_GROUPS.subList(0, 8)), "IID has 8 groups, expected 9 groups of 6 digits");
    }

    // --- empty ----------------------------------------------------------------------------

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", " ", "   ", "\t", " \t \n", "\r\n"})
    void parse_withNoContent_saysItIsEmpty(String input) {
        assertRejected(input, "IID is empty: type its 54 or 63 digits");
    }

    // --- value semantics ------------------------------------------------------------------

    @Test
    void equalsAndHashCode_dependOnDigitsOnly() throws Exception {
        InstallationId a = InstallationId.parse(IID63_CANONICAL);
        InstallationId b = InstallationId.parse(String.join(" ", IID63_GROUPS));
        InstallationId other = InstallationId.parse(replaceAt(IID63_DIGITS, 0, '0'));
        InstallationId shorter = InstallationId.parse(IID54_DIGITS);

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isEqualTo(a);
        assertThat(a).isNotEqualTo(other);
        assertThat(a).isNotEqualTo(shorter);
        assertThat(a).isNotEqualTo(null);
        assertThat(a).isNotEqualTo(IID63_DIGITS);
    }

    @Test
    void equals_distinguishesIidFromCidWithSameDigits() throws Exception {
        String digits48 = IID54_DIGITS.substring(0, 48);
        InstallationId iid = InstallationId.parse(IID54_DIGITS);
        ConfirmationId cid = ConfirmationId.parse(digits48);

        assertThat((Object) iid).isNotEqualTo(cid);
    }
}
