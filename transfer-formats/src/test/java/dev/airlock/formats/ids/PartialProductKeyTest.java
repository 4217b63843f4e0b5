package dev.airlock.formats.ids;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class PartialProductKeyTest {
    private static final String ONLY = ": product keys use only " + KeyAlphabet.LETTERS;

    private static void assertRejected(String input, String message) {
        assertThatThrownBy(() -> PartialProductKey.parse(input))
                .isExactlyInstanceOf(InvalidIdException.class)
                .hasMessage(message);
    }

    @Test
    void toString_isTheFiveUpperCaseCharacters() throws Exception {
        assertThat(PartialProductKey.parse("V2JT3").toString()).isEqualTo("V2JT3");
    }

    @Test
    void parse_acceptsLowerAndMixedCase() throws Exception {
        assertThat(PartialProductKey.parse("v2jt3").toString()).isEqualTo("V2JT3");
        assertThat(PartialProductKey.parse("V2jT3").toString()).isEqualTo("V2JT3");
    }

    @Test
    void parse_stripsSurroundingWhitespace() throws Exception {
        assertThat(PartialProductKey.parse(" \tV2JT3\r\n").toString()).isEqualTo("V2JT3");
    }

    @Test
    void parse_acceptsEveryAlphabetCharacter() throws Exception {
        String letters = KeyAlphabet.LETTERS;
        for (int i = 0; i + 5 <= letters.length(); i++) {
            String five = letters.substring(i, i + 5);
            assertThat(PartialProductKey.parse(five).toString()).isEqualTo(five);
        }
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", " ", "\t", "\n"})
    void parse_withNoContent_saysItIsEmpty(String input) {
        assertRejected(input, "partial product key is empty: it is the last 5 characters of the key");
    }

    @Test
    void parse_withWrongLength_reportsIt() {
        assertRejected("V2JT", "partial product key must be 5 characters, got 4");
        assertRejected("V2JT33", "partial product key must be 5 characters, got 6");
        assertRejected("XQ4TB-9MKW7-PCRNH-6D8YG-V2JT3", "partial product key must be 5 characters, got 29");
    }

    @Test
    void parse_withCharacterOutsideTheAlphabet_namesItAndItsPosition() {
        assertRejected("V2AT3", "partial product key contains 'A' at position 3" + ONLY);
        assertRejected("V2JT5", "partial product key contains '5' at position 5" + ONLY);
        assertRejected("O2JT3", "partial product key contains 'O' at position 1" + ONLY);
        assertRejected("V2-T3", "partial product key contains '-' at position 3" + ONLY);
    }

    @Test
    void parse_withLowerCaseBadCharacter_quotesItAsTyped() {
        assertRejected("v2jt1", "partial product key contains '1' at position 5" + ONLY);
        assertRejected("v2ja3", "partial product key contains 'a' at position 4" + ONLY);
        assertRejected("\u0131v2jt", "partial product key contains '\u0131' at position 1" + ONLY);
    }

    @Test
    void parse_withInnerSpaceOrControlCharacter_describesItByCodePoint() {
        assertRejected("V2 T3", "partial product key contains the character U+0020 at position 3" + ONLY);
        assertRejected("V2\u0000T3", "partial product key contains the character U+0000 at position 3" + ONLY);
    }

    @Test
    void parse_withNonAsciiLookalikes_rejectsThem() {
        assertRejected("V\uff12JT3", "partial product key contains '\uff12' at position 2" + ONLY);
        assertRejected("V2JT\u0663", "partial product key contains '\u0663' at position 5" + ONLY);
    }

    @Test
    void parse_withLigatureThatUpperCasesToTwoAlphabetLetters_rejectsItInsteadOfExpandingIt() {
        // "\ufb00".toUpperCase() is "FF": the ligature must not silently become two key characters
        assertRejected("\ufb00BCD", "partial product key must be 5 characters, got 4");
        assertRejected("\ufb00BCDF", "partial product key contains '\ufb00' at position 1" + ONLY);
    }

    @Test
    void parse_withLigatureAndBadLastCharacter_doesNotCrash() {
        // used to throw StringIndexOutOfBoundsException: the upper-cased text was longer than the input
        assertThatThrownBy(() -> PartialProductKey.parse("\ufb00BCA")).isExactlyInstanceOf(InvalidIdException.class);
    }

    @Test
    void parse_withSharpS_namesItWhereItWasTyped() {
        // "\u00df".toUpperCase() is "SS": five typed characters must not be reported as six
        assertRejected("\u00dfBCDF", "partial product key contains '\u00df' at position 1" + ONLY);
    }

    @Test
    void equalsAndHashCode_ignoreTypedCase() throws Exception {
        PartialProductKey a = PartialProductKey.parse("V2JT3");
        PartialProductKey b = PartialProductKey.parse(" v2jt3 ");

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(PartialProductKey.parse("V2JT4"));
        assertThat(a).isNotEqualTo(null);
        assertThat(a).isNotEqualTo("V2JT3");
    }
}
