package dev.airlock.formats.ids;

import static dev.airlock.formats.ids.IdSamples.KEY;
import static dev.airlock.formats.ids.IdSamples.KEY_CHARS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class ProductKeyTest {
    private static final String ONLY = ": product keys use only " + KeyAlphabet.LETTERS;

    private static void assertRejected(String input, String message) {
        assertThatThrownBy(() -> ProductKey.parse(input))
                .isExactlyInstanceOf(InvalidIdException.class)
                .hasMessage(message);
    }

    // --- canonical form and masking -------------------------------------------------------

    @Test
    void revealForInstall_isFiveDashedUpperCaseGroups() throws Exception {
        assertThat(ProductKey.parse(KEY).revealForInstall()).isEqualTo(KEY);
    }

    @Test
    void toString_masksAllButTheLastGroup() throws Exception {
        ProductKey key = ProductKey.parse(KEY);

        assertThat(key.toString()).isEqualTo("*****-*****-*****-*****-V2JT3");
        for (String group : KEY.split("-")) {
            if (!group.equals("V2JT3")) {
                assertThat(key.toString()).doesNotContain(group);
            }
        }
    }

    @Test
    void toString_neverShowsTheFirstTwentyCharacters() throws Exception {
        ProductKey key = ProductKey.parse(KEY.toLowerCase(Locale.ROOT));
        String shown = key.toString();

        for (char c : KEY_CHARS.substring(0, 20).toCharArray()) {
            if (KEY_CHARS.substring(20).indexOf(c) < 0) {
                assertThat(shown).doesNotContain(String.valueOf(c));
            }
        }
        assertThat(String.valueOf(key)).isEqualTo(shown);
        assertThat("key=" + key).isEqualTo("key=*****-*****-*****-*****-V2JT3");
    }

    @Test
    void partialKey_isTheLastFiveCharacters() throws Exception {
        ProductKey key = ProductKey.parse(KEY.toLowerCase(Locale.ROOT));

        assertThat(key.partialKey()).isEqualTo(PartialProductKey.parse("V2JT3"));
        assertThat(key.partialKey().toString()).isEqualTo("V2JT3");
    }

    // --- typing variants ------------------------------------------------------------------

    @Test
    void parse_acceptsCommonTypingVariants_asTheSameKey() throws Exception {
        List<String> variants = List.of(
                KEY,
                KEY.toLowerCase(Locale.ROOT),
                KEY_CHARS,
                KEY_CHARS.toLowerCase(Locale.ROOT),
                KEY.replace("-", " "),
                KEY.replace("-", " - "),
                KEY.replace("-", "--"),
                "  " + KEY + "\t\n",
                "xq4tB 9MKW7-pcrnh 6D8YG-v2jt3");

        for (String variant : variants) {
            ProductKey key = ProductKey.parse(variant);
            assertThat(key.revealForInstall()).as("variant [%s]", variant).isEqualTo(KEY);
            assertThat(key).isEqualTo(ProductKey.parse(KEY));
        }
    }

    @Test
    void parse_acceptsTheLetterN_usedInWindows8AndLaterKeys() throws Exception {
        assertThat(ProductKey.parse("NNNNN-NNNNN-NNNNN-NNNNN-NNNNN").revealForInstall())
                .isEqualTo("NNNNN-NNNNN-NNNNN-NNNNN-NNNNN");
    }

    // --- errors ---------------------------------------------------------------------------

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", " ", "\t", "\r\n"})
    void parse_withNoContent_saysItIsEmpty(String input) {
        assertRejected(input, "product key is empty: it has 25 characters in 5 groups of 5");
    }

    @Test
    void parse_withCharacterOutsideTheAlphabet_namesOnlyItsPosition() {
        assertRejected("XQ4TB-9MKW7-PCRNH-6D8YG-V2JT0", "product key character 25 is not allowed" + ONLY);
        assertRejected("XQ4TB-9MKW7-PCRNH-6D8YG-V2JTO", "product key character 25 is not allowed" + ONLY);
        assertRejected("XQATB-9MKW7-PCRNH-6D8YG-V2JT3", "product key character 3 is not allowed" + ONLY);
        assertRejected("xq4tb-9mkw7-pcrnh-6d8yg-v2jt1", "product key character 25 is not allowed" + ONLY);
    }

    @Test
    void parse_countsCharacterPositionsWithoutSeparators() {
        assertRejected("XQ4TB-9MKW7-PCRNH-6D8YG-V2IT3", "product key character 23 is not allowed" + ONLY);
    }

    @Test
    void parse_withNonAsciiOrInvisibleCharacters_rejectsThemByPosition() {
        assertRejected("XQ4TB-\uff19MKW7-PCRNH-6D8YG-V2JT3", "product key character 6 is not allowed" + ONLY);
        assertRejected("XQ4TB-9MKW7-PCRNH-6D8YG-V2JT\u0663", "product key character 25 is not allowed" + ONLY);
        assertRejected("XQ4TB\u00a09MKW7-PCRNH-6D8YG-V2JT3", "product key character 6 is not allowed" + ONLY);
        assertRejected("XQ4TB\t9MKW7-PCRNH-6D8YG-V2JT3", "product key character 6 is not allowed" + ONLY);
        assertRejected("XQ4TB-9MKW7-PCR\u200bNH-6D8YG-V2JT3", "product key character 14 is not allowed" + ONLY);
    }

    @Test
    void parse_withShortGroup_namesTheGroup() {
        assertRejected("XQ4TB-9MKW-PCRNH-6D8YG-V2JT3", "product key group 2 has 4 characters, expected 5");
        assertRejected("XQ4TB-9MKW7-PCRNH-6D8YG-V2JT", "product key group 5 has 4 characters, expected 5");
    }

    @Test
    void parse_withLongGroup_namesTheGroup() {
        assertRejected("XQ4TB9-MKW7-PCRNH-6D8YG-V2JT3", "product key group 1 has 6 characters, expected 5");
        assertRejected("XQ4TB-9MKW7PCRNH-6D8YG-V2JT3", "product key group 2 has 10 characters, expected 5");
    }

    @Test
    void parse_withOnlyTheFirstGroupSeparated_namesTheRestAsOneGroup() {
        assertRejected("XQ4TB-9MKW7PCRNH6D8YGV2JT3", "product key group 2 has 20 characters, expected 5");
    }

    @Test
    void parse_withWrongTotalLength_reportsTheCount() {
        assertRejected(KEY_CHARS.substring(1), "product key must have 25 characters, got 24");
        assertRejected(KEY_CHARS + "B", "product key must have 25 characters, got 26");
        assertRejected(KEY.substring(0, 23), "product key must have 25 characters, got 20");
        assertRejected(KEY + "-BCDFG", "product key must have 25 characters, got 30");
        assertRejected("-", "product key must have 25 characters, got 0");
    }

    @Test
    void errorMessages_forTypicalMistakes_neverQuoteTheKey() {
        String[] inputs = {
            "XQ4TB-9MKW7-PCRNH-6D8YG-V2JT0",
            "XQ4TB-9MKW-PCRNH-6D8YG-V2JT3",
            KEY_CHARS.substring(1),
            KEY + "-BCDFG",
            "XQ4TB9-MKW7-PCRNH-6D8YG-V2JT3",
        };
        for (String input : inputs) {
            String message = messageOf(input);
            for (String group : KEY.split("-")) {
                assertThat(message).as("message for [%s]", input).doesNotContainIgnoringCase(group);
            }
        }
    }

    /**
     * Thousands of near-miss keys (one character wrong, missing, added, or a separator misplaced):
     * no exception message may contain any 5-character run of the typed key. The message does
     * list the public alphabet, which is removed before checking.
     */
    @Test
    void errorMessages_forManyInvalidKeys_neverContainAnyFiveCharacterRunOfTheInput() {
        Random random = new Random(20240611L);
        // No 'E': "XPECT" and "EMPTY" in the message wording are alphabet letters plus one E.
        String bad = "AIOUSLZ0158_.,;\t\u00a0\u00e9\u0663\uff22\u200b";
        for (int n = 0; n < 5000; n++) {
            String input = nearMiss(random, bad);
            String message;
            try {
                ProductKey.parse(input);
                continue; // the mutation happened to produce a valid key
            } catch (InvalidIdException e) {
                message = e.getMessage();
            }
            assertNoRunOf(input, message);
        }
    }

    static void assertNoRunOf(String input, String message) {
        String shown = message.replace(KeyAlphabet.LETTERS, "").toUpperCase(Locale.ROOT);
        String material = input.replace("-", "").replace(" ", "").toUpperCase(Locale.ROOT);
        for (int i = 0; i + 5 <= material.length(); i++) {
            String run = material.substring(i, i + 5);
            if (shown.contains(run)) {
                fail("message [%s] for key input [%s] contains its run [%s]", message, input, run);
            }
        }
        for (int i = 0; i + 5 <= input.length(); i++) {
            String run = input.substring(i, i + 5);
            if (run.indexOf('-') < 0 && run.indexOf(' ') < 0 && message.contains(run)) {
                fail("message [%s] for key input [%s] contains its run [%s]", message, input, run);
            }
        }
    }

    private static String nearMiss(Random random, String bad) {
        StringBuilder chars = new StringBuilder();
        for (int i = 0; i < 25; i++) {
            char c = KeyAlphabet.LETTERS.charAt(random.nextInt(KeyAlphabet.LETTERS.length()));
            chars.append(random.nextInt(4) == 0 ? Character.toLowerCase(c) : c);
        }
        switch (random.nextInt(5)) {
            case 0 -> chars.setCharAt(random.nextInt(25), bad.charAt(random.nextInt(bad.length())));
            case 1 -> chars.deleteCharAt(random.nextInt(25));
            case 2 -> chars.insert(random.nextInt(26),
                    KeyAlphabet.LETTERS.charAt(random.nextInt(KeyAlphabet.LETTERS.length())));
            case 3 -> chars.setLength(5 * (1 + random.nextInt(4)) + random.nextInt(5));
            default -> chars.append(chars, 0, 5 + random.nextInt(10));
        }
        String material = chars.toString();
        if (random.nextBoolean()) {
            return material;
        }
        List<String> groups = new ArrayList<>();
        int at = 0;
        while (at < material.length()) {
            int size = random.nextInt(6) == 0 ? 3 + random.nextInt(5) : 5;
            groups.add(material.substring(at, Math.min(material.length(), at + size)));
            at += size;
        }
        return String.join(random.nextBoolean() ? "-" : " ", groups);
    }

    private static String messageOf(String input) {
        try {
            ProductKey.parse(input);
        } catch (InvalidIdException e) {
            return e.getMessage();
        }
        throw new AssertionError("expected [" + input + "] to be rejected");
    }

    // --- value semantics ------------------------------------------------------------------

    @Test
    void equalsAndHashCode_compareTheCanonicalKey() throws Exception {
        ProductKey a = ProductKey.parse(KEY);
        ProductKey b = ProductKey.parse(KEY_CHARS.toLowerCase(Locale.ROOT));
        ProductKey other = ProductKey.parse("XQ4TB-9MKW7-PCRNH-6D8YG-V2JT4");

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(other);
        assertThat(a).isNotEqualTo(null);
        assertThat(a).isNotEqualTo(KEY);
        assertThat((Object) a).isNotEqualTo(a.partialKey());
    }
}
