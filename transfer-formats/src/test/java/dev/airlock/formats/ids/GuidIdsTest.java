package dev.airlock.formats.ids;

import static dev.airlock.formats.ids.IdSamples.GUID_EXAMPLE;
import static dev.airlock.formats.ids.IdSamples.replaceAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** SkuId and ApplicationId, both parsed by GuidText. */
class GuidIdsTest {
    private static final String LOOKS_LIKE = "(a GUID looks like " + GUID_EXAMPLE + ")";
    private static final String ONLY_HEX = ": a GUID has only hex digits 0-9, a-f and dashes (like " + GUID_EXAMPLE + ")";
    private static final String SKU = "ac96e1a8-6cc4-4310-a4ff-332ce77fb5b8";

    private static void assertSkuRejected(String input, String message) {
        assertThatThrownBy(() -> SkuId.parse(input))
                .isExactlyInstanceOf(InvalidIdException.class)
                .hasMessage(message);
    }

    // --- accepted forms -------------------------------------------------------------------

    @Test
    void toString_isLowerCaseDashed() throws Exception {
        assertThat(SkuId.parse(SKU).toString()).isEqualTo(SKU);
    }

    @Test
    void parse_acceptsBracesAnyCaseAndMissingDashes_asTheSameCanonicalGuid() throws Exception {
        String upper = SKU.toUpperCase(Locale.ROOT);
        List<String> variants = List.of(
                SKU,
                upper,
                "{" + SKU + "}",
                "{" + upper + "}",
                SKU.replace("-", ""),
                upper.replace("-", ""),
                "{" + SKU.replace("-", "") + "}",
                "Ac96E1a8-6cC4-4310-A4fF-332cE77Fb5B8",
                "  " + SKU + "\t",
                " {" + upper + "}\r\n");

        for (String variant : variants) {
            SkuId parsed = SkuId.parse(variant);
            assertThat(parsed.toString()).as("variant [%s]", variant).isEqualTo(SKU);
            assertThat(parsed).isEqualTo(SkuId.parse(SKU));
        }
    }

    // --- errors ---------------------------------------------------------------------------

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "  ", "\t\n"})
    void parse_withNoContent_saysItIsEmpty(String input) {
        assertSkuRejected(input, "SKU ID is empty: it is a GUID like " + GUID_EXAMPLE);
    }

    @Test
    void parse_withNonHexLetter_namesItAndItsPosition() {
        assertSkuRejected(replaceAt(SKU, 3, 'g'), "SKU ID contains 'g' at position 4" + ONLY_HEX);
        assertSkuRejected(replaceAt(SKU, 35, 'Z'), "SKU ID contains 'Z' at position 36" + ONLY_HEX);
    }

    @Test
    void parse_withNonHexLetterInsideBraces_countsPositionInTheRawInput() {
        assertSkuRejected("{" + replaceAt(SKU, 3, 'g') + "}", "SKU ID contains 'g' at position 5" + ONLY_HEX);
        assertSkuRejected("  {" + replaceAt(SKU, 0, 'x') + "}", "SKU ID contains 'x' at position 4" + ONLY_HEX);
    }

    @Test
    void parse_withUnbalancedBrace_namesTheBrace() {
        assertSkuRejected("{" + SKU, "SKU ID contains '{' at position 1" + ONLY_HEX);
        assertSkuRejected(SKU + "}", "SKU ID contains '}' at position 37" + ONLY_HEX);
    }

    @Test
    void parse_withInnerSpaceOrControlCharacter_describesItByCodePoint() {
        assertSkuRejected(SKU.replaceFirst("-", " "), "SKU ID contains the character U+0020 at position 9" + ONLY_HEX);
        assertSkuRejected(replaceAt(SKU, 0, '\u0000'), "SKU ID contains the character U+0000 at position 1" + ONLY_HEX);
    }

    @Test
    void parse_withNonAsciiHexDigits_rejectsThem() {
        // Character.digit(c, 16) accepts these; a GUID must not.
        assertSkuRejected(replaceAt(SKU, 1, '\u0666'), "SKU ID contains '\u0666' at position 2" + ONLY_HEX);
        assertSkuRejected(replaceAt(SKU, 2, '\uff21'), "SKU ID contains '\uff21' at position 3" + ONLY_HEX);
        assertSkuRejected(replaceAt(SKU, 0, '\uff41'), "SKU ID contains '\uff41' at position 1" + ONLY_HEX);
        assertSkuRejected(replaceAt(SKU, 0, '\uff19'), "SKU ID contains '\uff19' at position 1" + ONLY_HEX);
    }

    @Test
    void parse_withWrongGroupLength_namesTheGroup() {
        assertSkuRejected("ac96e1a8-6cc44-310-a4ff-332ce77fb5b8", "SKU ID group 2 has 5 characters, expected 4 " + LOOKS_LIKE);
        assertSkuRejected("ac96e1a-86cc4-4310-a4ff-332ce77fb5b8", "SKU ID group 1 has 7 characters, expected 8 " + LOOKS_LIKE);
    }

    @Test
    void parse_with31HexDigitsUndashed_reportsTheCount() {
        assertSkuRejected(SKU.replace("-", "").substring(1), "SKU ID must have 32 hex digits, got 31 " + LOOKS_LIKE);
    }

    @Test
    void parse_with33HexDigitsUndashed_reportsTheCount() {
        assertSkuRejected(SKU.replace("-", "") + "0", "SKU ID must have 32 hex digits, got 33 " + LOOKS_LIKE);
    }

    @Test
    void parse_with31HexDigitsDashed_namesTheShortGroup() {
        assertSkuRejected(SKU.substring(0, SKU.length() - 1), "SKU ID group 5 has 11 characters, expected 12 " + LOOKS_LIKE);
    }

    @Test
    void parse_withEmptyBraces_reportsZeroHexDigits() {
        assertSkuRejected("{}", "SKU ID must have 32 hex digits, got 0 " + LOOKS_LIKE);
    }

    @Test
    void parse_withWrongGroupCount_reportsIt() {
        assertSkuRejected("ac96e1a86cc4-4310-a4ff-332ce77fb5b8", "SKU ID has 4 groups, expected 5 " + LOOKS_LIKE);
        assertSkuRejected(SKU + "-0", "SKU ID has 6 groups, expected 5 " + LOOKS_LIKE);
        assertSkuRejected("-", "SKU ID has 2 groups, expected 5 " + LOOKS_LIKE);
    }

    @Test
    void parse_withDoubleDash_namesTheEmptyGroup() {
        assertSkuRejected("ac96e1a8--6cc4-4310-a4ff332ce77fb5b8", "SKU ID group 2 has 0 characters, expected 4 " + LOOKS_LIKE);
    }

    // --- ApplicationId --------------------------------------------------------------------

    @Test
    void applicationId_parse_usesItsOwnLabelInMessages() {
        assertThatThrownBy(() -> ApplicationId.parse("nope"))
                .isExactlyInstanceOf(InvalidIdException.class)
                .hasMessage("Application ID contains 'n' at position 1" + ONLY_HEX);
        assertThatThrownBy(() -> ApplicationId.parse(" "))
                .isExactlyInstanceOf(InvalidIdException.class)
                .hasMessage("Application ID is empty: it is a GUID like " + GUID_EXAMPLE);
    }

    @Test
    void applicationId_constants_areCanonicalAndParseToThemselves() throws Exception {
        assertThat(ApplicationId.WINDOWS.toString()).isEqualTo("55c92734-d682-4d71-983e-d6ec3f16059f");
        assertThat(ApplicationId.OFFICE.toString()).isEqualTo("0ff1ce15-a989-479d-af46-f275c6370663");
        assertThat(ApplicationId.OFFICE_2010.toString()).isEqualTo("59a52881-a989-479d-af46-f275c6370663");
        for (ApplicationId id : List.of(ApplicationId.WINDOWS, ApplicationId.OFFICE, ApplicationId.OFFICE_2010)) {
            assertThat(ApplicationId.parse(id.toString())).isEqualTo(id).hasSameHashCodeAs(id);
        }
    }

    @Test
    void applicationId_family_namesKnownApplications_asWmiSpellsThem() throws Exception {
        assertThat(ApplicationId.parse("{55C92734-D682-4D71-983E-D6EC3F16059F}").family()).isEqualTo("Windows");
        assertThat(ApplicationId.parse("0FF1CE15A989479DAF46F275C6370663").family()).isEqualTo("Office");
        assertThat(ApplicationId.parse("59a52881-a989-479d-af46-f275c6370663").family()).isEqualTo("Office 2010");
        assertThat(ApplicationId.parse(SKU).family()).isEqualTo("other");
    }

    // --- value semantics ------------------------------------------------------------------

    @Test
    void equalsAndHashCode_compareTheCanonicalGuid() throws Exception {
        SkuId a = SkuId.parse(SKU);
        SkuId b = SkuId.parse("{" + SKU.toUpperCase(Locale.ROOT).replace("-", "") + "}");
        SkuId other = SkuId.parse(GUID_EXAMPLE);

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(other);
        assertThat(a).isNotEqualTo(null);
        assertThat(a).isNotEqualTo(SKU);
    }

    @Test
    void equals_distinguishesSkuIdFromApplicationIdWithTheSameGuid() throws Exception {
        Object sku = SkuId.parse(GUID_EXAMPLE);

        assertThat(sku).isNotEqualTo(ApplicationId.WINDOWS);
        assertThat((Object) ApplicationId.WINDOWS).isNotEqualTo(sku);
    }
}
