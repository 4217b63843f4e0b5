package dev.airlock.formats.ids;

import static dev.airlock.formats.ids.IdSamples.EPID_EXAMPLE;
import static dev.airlock.formats.ids.IdSamples.replaceAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class ExtendedProductIdTest {
    private static final String LOOKS_LIKE = "(it looks like " + EPID_EXAMPLE + ")";
    private static final String ONLY = ": only digits, dashes and dots are allowed " + LOOKS_LIKE;

    private static void assertRejected(String input, String message) {
        assertThatThrownBy(() -> ExtendedProductId.parse(input))
                .isExactlyInstanceOf(InvalidIdException.class)
                .hasMessage(message);
    }

    /** The example with dash-separated part {@code part} (1-based) replaced. */
    private static String withPart(int part, String value) {
        String[] parts = EPID_EXAMPLE.split("-");
        parts[part - 1] = value;
        return String.join("-", parts);
    }

    // --- accepted -------------------------------------------------------------------------

    @Test
    void toString_isTheEpidExactlyAsReported() throws Exception {
        assertThat(ExtendedProductId.parse(EPID_EXAMPLE).toString()).isEqualTo(EPID_EXAMPLE);
    }

    @Test
    void parse_ofTheDocumentedExampleConstant_succeeds() throws Exception {
        assertThat(ExtendedProductId.parse(ExtendedProductId.EXAMPLE).toString()).isEqualTo(EPID_EXAMPLE);
    }

    @Test
    void parse_withFiveDigitWindows10And11BuildNumbers_succeeds() throws Exception {
        String win10 = withPart(7, "19041.0000");
        String win11 = withPart(7, "22621.0000");

        assertThat(ExtendedProductId.parse(win10).toString()).isEqualTo(win10);
        assertThat(ExtendedProductId.parse(win11).toString()).isEqualTo(win11);
    }

    @Test
    void parse_withOtherBuildShapes_succeeds() throws Exception {
        for (String build : new String[] {"7601", "7601.0000", "26100.1.2.3", "123456.123456"}) {
            assertThat(ExtendedProductId.parse(withPart(7, build)).toString()).isEqualTo(withPart(7, build));
        }
    }

    @Test
    void parse_withFiveDigitLocalePart_succeeds() throws Exception {
        String fiveDigitLcid = withPart(6, "58380");

        assertThat(ExtendedProductId.parse(fiveDigitLcid).toString()).isEqualTo(fiveDigitLcid);
    }

    @Test
    void parse_stripsSurroundingWhitespace() throws Exception {
        assertThat(ExtendedProductId.parse("  \t" + EPID_EXAMPLE + "\r\n").toString()).isEqualTo(EPID_EXAMPLE);
    }

    // --- empty and length -----------------------------------------------------------------

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", " ", "\t", "\r\n"})
    void parse_withNoContent_saysItIsEmptyAndShowsAnExample(String input) {
        assertRejected(input, "ePID is empty: it looks like " + EPID_EXAMPLE);
    }

    @Test
    void parse_ofOverlongInput_reportsTheLength() {
        String tooLong = "1".repeat(81);

        assertRejected(tooLong, "ePID is 81 characters long, at most 80 expected: it looks like " + EPID_EXAMPLE);
    }

    @Test
    void parse_ofEightyCharacters_isNotRejectedForLength() {
        assertRejected("1".repeat(80), "ePID has 1 dash-separated parts, expected 8 " + LOOKS_LIKE);
    }

    // --- characters -----------------------------------------------------------------------

    @Test
    void parse_withLetter_namesTheLetterAndItsPosition() {
        assertRejected(replaceAt(EPID_EXAMPLE, 6, 'X'), "ePID contains 'X' at position 7" + ONLY);
    }

    @Test
    void parse_withLetterAfterLeadingWhitespace_countsPositionInTheRawInput() {
        assertRejected("  " + replaceAt(EPID_EXAMPLE, 4, 'O'), "ePID contains 'O' at position 7" + ONLY);
    }

    @Test
    void parse_withInnerSpace_describesItByCodePoint() {
        assertRejected(EPID_EXAMPLE.replaceFirst("-", " "), "ePID contains the character U+0020 at position 6" + ONLY);
    }

    @Test
    void parse_withNonAsciiDigit_rejectsIt() {
        assertRejected(replaceAt(EPID_EXAMPLE, 0, '\u0660'), "ePID contains '\u0660' at position 1" + ONLY);
        assertRejected(replaceAt(EPID_EXAMPLE, 1, '\uff13'), "ePID contains '\uff13' at position 2" + ONLY);
    }

    @Test
    void parse_withControlCharacter_describesItByCodePoint() {
        assertRejected(replaceAt(EPID_EXAMPLE, 3, '\u0000'), "ePID contains the character U+0000 at position 4" + ONLY);
    }

    // --- parts ----------------------------------------------------------------------------

    @Test
    void parse_withSevenParts_reportsThePartCount() {
        assertRejected(EPID_EXAMPLE.substring(0, EPID_EXAMPLE.lastIndexOf('-')),
                "ePID has 7 dash-separated parts, expected 8 " + LOOKS_LIKE);
    }

    @Test
    void parse_withNineParts_reportsThePartCount() {
        assertRejected(EPID_EXAMPLE + "-1", "ePID has 9 dash-separated parts, expected 8 " + LOOKS_LIKE);
        assertRejected(EPID_EXAMPLE + "-", "ePID has 9 dash-separated parts, expected 8 " + LOOKS_LIKE);
    }

    @Test
    void parse_withShortFirstPart_namesThePart() {
        assertRejected(withPart(1, "0361"), "ePID part 1 has 4 digits, expected 5");
    }

    @Test
    void parse_withLongSecondPart_namesThePart() {
        assertRejected(withPart(2, "033080"), "ePID part 2 has 6 digits, expected 5");
    }

    @Test
    void parse_withEmptyPart_reportsZeroDigits() {
        assertRejected(withPart(4, ""), "ePID part 4 has 0 digits, expected 6");
    }

    @Test
    void parse_withWrongLastPart_namesThePart() {
        assertRejected(withPart(8, "024201"), "ePID part 8 has 6 digits, expected 7");
    }

    @Test
    void parse_withThreeOrSixDigitLocalePart_expectsFourOrFive() {
        assertRejected(withPart(6, "103"), "ePID part 6 has 3 digits, expected 4 or 5");
        assertRejected(withPart(6, "103300"), "ePID part 6 has 6 digits, expected 4 or 5");
    }

    @Test
    void parse_withDotOutsideTheBuildPart_namesThePart() {
        assertRejected(withPart(3, "0.0"), "ePID part 3 contains a dot: only its build part may");
        assertRejected(withPart(8, "024.016"), "ePID part 8 contains a dot: only its build part may");
    }

    @Test
    void parse_withMalformedBuildPart_quotesIt() {
        assertRejected(withPart(7, "9200..0000"), "ePID part 7 is '9200..0000', expected a build number like 9200.0000");
        assertRejected(withPart(7, ""), "ePID part 7 is '', expected a build number like 9200.0000");
        assertRejected(withPart(7, ".9200"), "ePID part 7 is '.9200', expected a build number like 9200.0000");
        assertRejected(withPart(7, "1.2.3.4.5"), "ePID part 7 is '1.2.3.4.5', expected a build number like 9200.0000");
        assertRejected(withPart(7, "1234567.0"), "ePID part 7 is '1234567.0', expected a build number like 9200.0000");
    }

    // --- value semantics ------------------------------------------------------------------

    @Test
    void equalsAndHashCode_compareTheText() throws Exception {
        ExtendedProductId a = ExtendedProductId.parse(EPID_EXAMPLE);
        ExtendedProductId b = ExtendedProductId.parse(" " + EPID_EXAMPLE + " ");
        ExtendedProductId other = ExtendedProductId.parse(withPart(7, "19041.0000"));

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(other);
        assertThat(a).isNotEqualTo(null);
        assertThat(a).isNotEqualTo(EPID_EXAMPLE);
    }
}
