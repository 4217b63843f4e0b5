package dev.airlock.formats.ids;

import static dev.airlock.formats.ids.IdSamples.CID_CANONICAL;
import static dev.airlock.formats.ids.IdSamples.CID_DIGITS;
import static dev.airlock.formats.ids.IdSamples.CID_GROUPS;
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

class ConfirmationIdTest {

    private static void assertRejected(String input, String message) {
        assertThatThrownBy(() -> ConfirmationId.parse(input))
                .isExactlyInstanceOf(InvalidIdException.class)
                .hasMessage(message);
    }

    @Test
    void toString_isEightDashedGroupsOfSix() throws Exception {
        ConfirmationId cid = ConfirmationId.parse(CID_DIGITS);

        assertThat(cid.toString()).isEqualTo(CID_CANONICAL);
        assertThat(cid.digits()).isEqualTo(CID_DIGITS);
        assertThat(cid.groups()).containsExactlyElementsOf(CID_GROUPS);
    }

    @Test
    void parse_acceptsEveryCommonTypingVariant_asTheSameId() throws Exception {
        ConfirmationId expected = ConfirmationId.parse(CID_DIGITS);
        List<String> variants = List.of(
                CID_CANONICAL,
                String.join(" ", CID_GROUPS),
                String.join("\t", CID_GROUPS),
                String.join(" - ", CID_GROUPS),
                String.join("\u00a0", CID_GROUPS),
                "111112 222223-333334\t444445 - 555556  666667--777778\u00a0888889",
                "   " + CID_CANONICAL + "\t ",
                CID_DIGITS);

        for (String variant : variants) {
            assertThat(ConfirmationId.parse(variant)).as("variant [%s]", variant).isEqualTo(expected);
        }
    }

    @Test
    void parse_withLetter_namesTheLetterAndItsPosition() {
        assertRejected(replaceAt(CID_CANONICAL, 7, 'B'), "CID contains 'B' at position 8: " + IID_ALLOWED);
    }

    @Test
    void parse_withArabicIndicOrFullwidthDigits_rejectsThem() {
        assertRejected(replaceAt(CID_DIGITS, 47, '\u0669'), "CID contains '\u0669' at position 48: " + IID_ALLOWED);
        assertRejected(replaceAt(CID_DIGITS, 0, '\uff10'), "CID contains '\uff10' at position 1: " + IID_ALLOWED);
    }

    @Test
    void parse_withControlCharacter_describesItByCodePoint() {
        assertRejected(replaceAt(CID_DIGITS, 6, '\u0007'), "CID contains the character U+0007 at position 7: " + IID_ALLOWED);
    }

    @Test
    void parse_with47Or49UngroupedDigits_reportsTheCount() {
        assertRejected(CID_DIGITS.substring(1), "CID must be 48 digits, got 47");
        assertRejected(CID_DIGITS + "9", "CID must be 48 digits, got 49");
    }

    @Test
    void parse_withIidLengthDigits_reportsTheCount() {
        assertRejected(IdSamples.IID63_DIGITS, "CID must be 48 digits, got 63");
    }

    @Test
    void parse_withGroupOfFiveDigits_namesTheGroup() {
        List<String> groups = new ArrayList<>(CID_GROUPS);
        groups.set(2, groups.get(2).substring(1));

        assertRejected(String.join("-", groups), "CID group 3 has 5 digits, expected 6");
    }

    @Test
    void parse_withSevenGroups_reportsTheGroupCount() {
        assertRejected(String.join(" ", CID_GROUPS.subList(0, 7)), "CID has 7 groups, expected 8 groups of 6 digits");
    }

    @Test
    void parse_withNineGroups_reportsTheGroupCount() {
        List<String> groups = new ArrayList<>(CID_GROUPS);
        groups.add("999999");

        assertRejected(String.join(" ", groups), "CID has 9 groups, expected 8 groups of 6 digits");
    }

    @Test
    void parse_with48DigitsInGroupsOfSeven_reportsTheGroupCount() {
        // 48 digits typed as IID-style groups of 7: 6 groups of 7 and one of 6
        List<String> groups = new ArrayList<>();
        for (int i = 0; i < 48; i += 7) {
            groups.add(CID_DIGITS.substring(i, Math.min(i + 7, 48)));
        }

        assertRejected(String.join(" ", groups), "CID has 7 groups, expected 8 groups of 6 digits");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", " ", "\t\t", "\n"})
    void parse_withNoContent_saysItIsEmpty(String input) {
        assertRejected(input, "CID is empty: type its 48 digits");
    }

    @Test
    void equalsAndHashCode_dependOnDigitsOnly() throws Exception {
        ConfirmationId a = ConfirmationId.parse(CID_CANONICAL);
        ConfirmationId b = ConfirmationId.parse(CID_DIGITS);
        ConfirmationId other = ConfirmationId.parse(replaceAt(CID_DIGITS, 47, '0'));

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(other);
        assertThat(a).isNotEqualTo(null);
        assertThat(a).isNotEqualTo(CID_CANONICAL);
    }
}
