package dev.airlock.formats.ids;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

/** jqwik properties for every identifier type in this package. */
class IdPropertiesTest {
    /** Characters DigitGroups accepts besides ASCII digits. */
    private static final String DIGIT_SEPARATORS = " -\t\u00a0\r\n";
    private static final String IID_ALLOWED = ": only digits 0-9, spaces and dashes are allowed";

    // =====================================================================================
    // IID and CID
    // =====================================================================================

    @Property
    void iid63_parseOfToString_roundTrips(@ForAll @NumericChars @StringLength(63) String digits) throws Exception {
        InstallationId iid = InstallationId.parse(digits);

        assertThat(iid.digits()).isEqualTo(digits);
        assertThat(iid.toString()).matches("[0-9]{7}(-[0-9]{7}){8}");
        assertThat(InstallationId.parse(iid.toString())).isEqualTo(iid);
        assertThat(String.join("", iid.groups())).isEqualTo(digits);
    }

    @Property
    void iid54_parseOfToString_roundTrips(@ForAll @NumericChars @StringLength(54) String digits) throws Exception {
        InstallationId iid = InstallationId.parse(digits);

        assertThat(iid.digits()).isEqualTo(digits);
        assertThat(iid.toString()).matches("[0-9]{6}(-[0-9]{6}){8}");
        assertThat(InstallationId.parse(iid.toString())).isEqualTo(iid);
    }

    @Property
    void iid63_groupedWithAnySeparators_equalsUngrouped(
            @ForAll @NumericChars @StringLength(63) String digits,
            @ForAll @Size(8) List<@From("separators") String> separators,
            @ForAll("edges") String before,
            @ForAll("edges") String after) throws Exception {
        String typed = before + grouped(digits, 7, separators) + after;

        assertThat(InstallationId.parse(typed)).isEqualTo(InstallationId.parse(digits));
        assertThat(InstallationId.parse(typed).toString()).isEqualTo(DigitGroups.format(digits, 7));
    }

    @Property
    void iid54_groupedWithAnySeparators_equalsUngrouped(
            @ForAll @NumericChars @StringLength(54) String digits,
            @ForAll @Size(8) List<@From("separators") String> separators,
            @ForAll("edges") String before,
            @ForAll("edges") String after) throws Exception {
        String typed = before + grouped(digits, 6, separators) + after;

        assertThat(InstallationId.parse(typed)).isEqualTo(InstallationId.parse(digits));
    }

    @Property
    void cid_parseOfToString_roundTrips(@ForAll @NumericChars @StringLength(48) String digits) throws Exception {
        ConfirmationId cid = ConfirmationId.parse(digits);

        assertThat(cid.digits()).isEqualTo(digits);
        assertThat(cid.toString()).matches("[0-9]{6}(-[0-9]{6}){7}");
        assertThat(ConfirmationId.parse(cid.toString())).isEqualTo(cid);
        assertThat(String.join("", cid.groups())).isEqualTo(digits);
    }

    @Property
    void cid_groupedWithAnySeparators_equalsUngrouped(
            @ForAll @NumericChars @StringLength(48) String digits,
            @ForAll @Size(7) List<@From("separators") String> separators,
            @ForAll("edges") String before,
            @ForAll("edges") String after) throws Exception {
        String typed = before + grouped(digits, 6, separators) + after;

        assertThat(ConfirmationId.parse(typed)).isEqualTo(ConfirmationId.parse(digits));
    }

    @Property
    void iid_ofWrongDigitCount_isRejectedWithTheCount(@ForAll @NumericChars @StringLength(max = 120) String digits) {
        Assume.that(digits.length() != 54 && digits.length() != 63);

        // one digit off 63, the group check may add where the digit went (": group 4 looks one digit short")
        assertThatThrownBy(() -> InstallationId.parse(digits))
                .isExactlyInstanceOf(InvalidIdException.class)
                .message().matches(digits.isEmpty()
                        ? "IID is empty: type its 54 or 63 digits"
                        : "IID must be 54 or 63 digits, got " + digits.length()
                                + (digits.length() == 62 || digits.length() == 64
                                        ? "(: group [1-9]( or [1-9])? looks one digit (short|too long))?" : ""));
    }

    /** A string that contains at least one character DigitGroups does not accept. */
    @Property
    void iid_withAnyForeignCharacter_isRejectedNamingTheFirstOne(
            @ForAll("digitsAndSeparators") String prefix,
            @ForAll("foreignChar") Character bad,
            @ForAll String suffix) {
        String input = prefix + bad + suffix;

        assertThatThrownBy(() -> InstallationId.parse(input))
                .isExactlyInstanceOf(InvalidIdException.class)
                .hasMessage(input.isBlank()
                        ? "IID is empty: type its 54 or 63 digits"
                        : "IID contains " + DigitGroups.describe(bad) + " at position " + (prefix.length() + 1)
                                + IID_ALLOWED);
    }

    @Property
    void iid_ofAnyStringWithAForeignCharacter_throwsInvalidIdException(@ForAll String input) {
        Assume.that(input.chars().anyMatch(c -> !isDigitOrSeparator((char) c)));

        assertThatThrownBy(() -> InstallationId.parse(input)).isExactlyInstanceOf(InvalidIdException.class);
        assertThatThrownBy(() -> ConfirmationId.parse(input)).isExactlyInstanceOf(InvalidIdException.class);
    }

    private static boolean isDigitOrSeparator(char c) {
        return (c >= '0' && c <= '9') || DIGIT_SEPARATORS.indexOf(c) >= 0;
    }

    private static String grouped(String digits, int size, List<String> separators) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i * size < digits.length(); i++) {
            if (i > 0) {
                out.append(separators.get(i - 1));
            }
            out.append(digits, i * size, (i + 1) * size);
        }
        return out.toString();
    }

    @Provide
    Arbitrary<String> separators() {
        return Arbitraries.of(" ", "-", "  ", " - ", "\t", "\u00a0", "--");
    }

    @Provide
    Arbitrary<String> edges() {
        return Arbitraries.of("", " ", "  ", "\t", "-", " \t ");
    }

    @Provide
    Arbitrary<String> digitsAndSeparators() {
        return Arbitraries.strings().withChars("0123456789" + DIGIT_SEPARATORS).ofMaxLength(70);
    }

    @Provide
    Arbitrary<Character> foreignChar() {
        return Arbitraries.oneOf(
                        Arbitraries.chars(),
                        Arbitraries.of('A', 'O', 'l', '.', '_', '\n', '\r', '\u0000', '\u200b', '\ufeff', '\u3000',
                                '\u2007', '\u0660', '\u0663', '\u06f5', '\u0966', '\uff10', '\uff19', '\ud83d', '\ude00'))
                .filter(c -> !isDigitOrSeparator(c));
    }

    // =====================================================================================
    // GUIDs
    // =====================================================================================

    @Property
    void guid_anyValueInAnyAcceptedSpelling_parsesToTheCanonicalForm(
            @ForAll long high, @ForAll long low,
            @ForAll boolean upper, @ForAll boolean braced, @ForAll boolean dashed) throws Exception {
        String canonical = new UUID(high, low).toString();
        String text = dashed ? canonical : canonical.replace("-", "");
        text = upper ? text.toUpperCase(Locale.ROOT) : text;
        text = braced ? "{" + text + "}" : text;

        assertThat(SkuId.parse(text).toString()).isEqualTo(canonical);
        assertThat(SkuId.parse(text)).isEqualTo(SkuId.parse(canonical));
        assertThat(ApplicationId.parse(text).toString()).isEqualTo(canonical);
        assertThat(SkuId.parse(SkuId.parse(text).toString())).isEqualTo(SkuId.parse(text));
    }

    @Property
    void guid_withAnyMixOfCase_parsesToTheCanonicalForm(@ForAll long high, @ForAll long low, @ForAll long caseBits)
            throws Exception {
        String canonical = new UUID(high, low).toString();
        StringBuilder mixed = new StringBuilder(canonical);
        for (int i = 0; i < mixed.length(); i++) {
            if ((caseBits >>> (i % 64) & 1) == 1) {
                mixed.setCharAt(i, Character.toUpperCase(mixed.charAt(i)));
            }
        }

        assertThat(SkuId.parse(mixed.toString()).toString()).isEqualTo(canonical);
    }

    @Property
    void guid_canonicalForm_isAlwaysAsciiLowerCaseDashed(@ForAll("guidLike") String input) {
        try {
            String canonical = SkuId.parse(input).toString();
            assertThat(canonical).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
            assertThat(UUID.fromString(canonical).toString()).isEqualTo(canonical);
        } catch (InvalidIdException expected) {
            // rejected: fine
        }
    }

    @Provide
    Arbitrary<String> guidLike() {
        Arbitrary<Character> chars = Arbitraries.oneOf(
                Arbitraries.chars().with("0123456789abcdefABCDEF-{}"),
                Arbitraries.of('\u0660', '\u0669', '\uff10', '\uff21', '\uff41', '\uff46', '\u0966', 'g', ' '));
        Arbitrary<String> noise = chars.list().ofMaxSize(40).map(IdPropertiesTest::join);
        Arbitrary<String> nearlyValid = Combinators.combine(
                        Arbitraries.longs(), Arbitraries.longs(), Arbitraries.integers().between(0, 35), chars)
                .as((hi, lo, at, c) -> IdSamples.replaceAt(new UUID(hi, lo).toString(), at, c));
        return Arbitraries.oneOf(noise, nearlyValid);
    }

    // =====================================================================================
    // Product keys
    // =====================================================================================

    @Property
    void productKey_any25AlphabetCharacters_roundTripViaRevealForInstall(
            @ForAll("keyChars") String chars, @ForAll long caseBits, @ForAll("keySeparator") String separator)
            throws Exception {
        String canonical = DigitGroups.format(chars, 5);
        String typed = separator.equals("none")
                ? applyCase(chars, caseBits)
                : applyCase(canonical, caseBits).replace("-", separator);

        ProductKey key = ProductKey.parse(typed);

        assertThat(key.revealForInstall()).isEqualTo(canonical);
        assertThat(ProductKey.parse(key.revealForInstall())).isEqualTo(key).hasSameHashCodeAs(key);
        assertThat(key.partialKey().toString()).isEqualTo(chars.substring(20));
        assertThat(key.toString()).isEqualTo("*****-*****-*****-*****-" + chars.substring(20));
    }

    @Property
    void partialProductKey_anyFiveAlphabetCharacters_roundTrip(@ForAll("partialChars") String chars, @ForAll long caseBits)
            throws Exception {
        PartialProductKey partial = PartialProductKey.parse(applyCase(chars, caseBits));

        assertThat(partial.toString()).isEqualTo(chars);
        assertThat(PartialProductKey.parse(partial.toString())).isEqualTo(partial);
    }

    /** No message for a rejected key contains any 5-character run of what was typed. */
    @Property
    void productKey_rejectionMessages_neverContainAFiveCharacterRunOfTheInput(@ForAll("keyLike") String input) {
        try {
            ProductKey.parse(input);
        } catch (InvalidIdException e) {
            ProductKeyTest.assertNoRunOf(input, e.getMessage());
        }
    }

    /**
     * Swapping every alphabet character of the input for another alphabet character never changes
     * the outcome or the message: messages cannot depend on which key characters were typed.
     */
    @Property
    void productKey_rejectionMessages_doNotDependOnTheKeyCharacters(
            @ForAll("keyLike") String input, @ForAll("rotation") int rotation) {
        String swapped = rotate(input, rotation);

        String original = outcome(input);
        String other = outcome(swapped);

        assertThat(other).as("outcome for [%s] vs [%s]", input, swapped).isEqualTo(original);
    }

    private static String outcome(String input) {
        try {
            ProductKey.parse(input);
            return "accepted";
        } catch (InvalidIdException e) {
            return e.getMessage();
        }
    }

    private static String rotate(String input, int by) {
        String letters = KeyAlphabet.LETTERS;
        StringBuilder out = new StringBuilder(input.length());
        for (char c : input.toCharArray()) {
            int at = c < 128 ? letters.indexOf(Character.toUpperCase(c)) : -1;
            out.append(at < 0 ? c : letters.charAt((at + by) % letters.length()));
        }
        return out.toString();
    }

    private static String applyCase(String s, long caseBits) {
        StringBuilder out = new StringBuilder(s);
        for (int i = 0; i < out.length(); i++) {
            if ((caseBits >>> (i % 64) & 1) == 1) {
                out.setCharAt(i, Character.toLowerCase(out.charAt(i)));
            }
        }
        return out.toString();
    }

    @Provide
    Arbitrary<String> keyChars() {
        return Arbitraries.strings().withChars(KeyAlphabet.LETTERS.toCharArray()).ofLength(25);
    }

    @Provide
    Arbitrary<String> partialChars() {
        return Arbitraries.strings().withChars(KeyAlphabet.LETTERS.toCharArray()).ofLength(5);
    }

    @Provide
    Arbitrary<String> keySeparator() {
        return Arbitraries.of("none", "-", " ", " - ", "--");
    }

    @Provide
    Arbitrary<Integer> rotation() {
        return Arbitraries.integers().between(1, KeyAlphabet.LETTERS.length() - 1);
    }

    /**
     * Key-like input: alphabet characters in any case, separators, and non-alphabet characters
     * that cannot spell a word of the messages (no vowels A, E, I, O, U).
     */
    @Provide
    Arbitrary<String> keyLike() {
        String alphabet = KeyAlphabet.LETTERS + KeyAlphabet.LETTERS.toLowerCase(Locale.ROOT);
        Arbitrary<Character> keyChar = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(40, Arbitraries.chars().with(alphabet.toCharArray())),
                net.jqwik.api.Tuple.of(6, Arbitraries.of('-', ' ')),
                net.jqwik.api.Tuple.of(1, Arbitraries.of('0', '1', '5', 'Z', 'S', 'L', '_', '.', '\t', '\u00a0',
                        '\u00e9', '\u0663', '\uff22', '\ufb00', '\u00df', '\u0131', '\u017f', '\u200b')));
        Arbitrary<String> free = keyChar.list().ofMaxSize(40).map(IdPropertiesTest::join);
        Arbitrary<String> nearlyValid = Combinators.combine(keyChars(), keySeparator(), keyChar,
                        Arbitraries.integers().between(0, 28), Arbitraries.integers().between(0, 3))
                .as((chars, sep, c, at, how) -> {
                    String typed = sep.equals("none") ? chars : DigitGroups.format(chars, 5).replace("-", sep);
                    int i = Math.min(at, typed.length() - 1);
                    return switch (how) {
                        case 0 -> IdSamples.replaceAt(typed, i, c);
                        case 1 -> typed.substring(0, i) + typed.substring(i + 1);
                        case 2 -> typed.substring(0, i) + c + typed.substring(i);
                        default -> typed + sep.replace("none", "") + chars.substring(0, 1 + at % 7);
                    };
                });
        return Arbitraries.oneOf(free, nearlyValid);
    }

    // =====================================================================================
    // ePID
    // =====================================================================================

    @Property
    void epid_anyWellFormedEpid_roundTrips(@ForAll("epids") String epid) throws Exception {
        ExtendedProductId parsed = ExtendedProductId.parse(epid);

        assertThat(parsed.toString()).isEqualTo(epid);
        assertThat(ExtendedProductId.parse(" " + parsed + "\n")).isEqualTo(parsed);
    }

    @Provide
    Arbitrary<String> epids() {
        Arbitrary<String> build = Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(6)
                .list().ofMinSize(1).ofMaxSize(4).map(parts -> String.join(".", parts));
        return Combinators.combine(
                        digits(5), digits(5), digits(3), digits(6), digits(2),
                        Arbitraries.strings().numeric().ofMinLength(4).ofMaxLength(5), build, digits(7))
                .as((a, b, c, d, e, f, g, h) -> String.join("-", a, b, c, d, e, f, g, h));
    }

    private static Arbitrary<String> digits(int n) {
        return Arbitraries.strings().numeric().ofLength(n);
    }

    // =====================================================================================
    // Every parser: only InvalidIdException, and accepted input is stable
    // =====================================================================================

    @Property
    void everyParser_onAnyString_throwsOnlyInvalidIdException(@ForAll String input) {
        checkAllParsers(input);
    }

    @Property
    void everyParser_onIdShapedNoise_throwsOnlyInvalidIdException(@ForAll("idNoise") String input) {
        checkAllParsers(input);
    }

    @Example
    void everyParser_onNull_throwsInvalidIdException() {
        checkAllParsers(null);
    }

    @Provide
    Arbitrary<String> idNoise() {
        Arbitrary<Character> chars = Arbitraries.oneOf(
                Arbitraries.chars().with("0123456789-. \t{}abcdefABCDEF" + KeyAlphabet.LETTERS),
                Arbitraries.of('\u00a0', '\u00df', '\ufb00', '\ufb03', '\u0131', '\u017f', '\u0149', '\u01f0',
                        '\u0660', '\u0663', '\uff10', '\uff21', '\uff41', '\u200b', '\ufeff', '\ud83d', '\ude00',
                        '\u0000', '\n', '\u001c', '\u2028'));
        return chars.list().ofMaxSize(90).map(IdPropertiesTest::join);
    }

    private static void checkAllParsers(String input) {
        check("InstallationId", input, () -> {
            InstallationId id = InstallationId.parse(input);
            assertThat(InstallationId.parse(id.toString())).isEqualTo(id);
            assertThat(id.digits()).matches("[0-9]{54}|[0-9]{63}");
        });
        check("ConfirmationId", input, () -> {
            ConfirmationId id = ConfirmationId.parse(input);
            assertThat(ConfirmationId.parse(id.toString())).isEqualTo(id);
            assertThat(id.digits()).matches("[0-9]{48}");
        });
        check("ExtendedProductId", input, () -> {
            ExtendedProductId id = ExtendedProductId.parse(input);
            assertThat(ExtendedProductId.parse(id.toString())).isEqualTo(id);
        });
        check("SkuId", input, () -> {
            SkuId id = SkuId.parse(input);
            assertThat(SkuId.parse(id.toString())).isEqualTo(id);
            assertThat(id.toString()).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        });
        check("ApplicationId", input, () -> {
            ApplicationId id = ApplicationId.parse(input);
            assertThat(ApplicationId.parse(id.toString())).isEqualTo(id);
            assertThat(id.family()).isNotNull();
        });
        check("PartialProductKey", input, () -> {
            PartialProductKey id = PartialProductKey.parse(input);
            assertThat(PartialProductKey.parse(id.toString())).isEqualTo(id);
            assertThat(id.toString()).matches("[" + KeyAlphabet.LETTERS + "]{5}");
        });
        check("ProductKey", input, () -> {
            ProductKey key = ProductKey.parse(input);
            assertThat(ProductKey.parse(key.revealForInstall())).isEqualTo(key);
            assertThat(key.revealForInstall()).matches("[" + KeyAlphabet.LETTERS + "]{5}(-[" + KeyAlphabet.LETTERS + "]{5}){4}");
            assertThat(key.partialKey()).isNotNull();
        });
    }

    private interface Parse {
        void run() throws InvalidIdException;
    }

    private static void check(String type, String input, Parse parse) {
        try {
            parse.run();
        } catch (InvalidIdException e) {
            assertThat(e.getMessage()).as("%s message for [%s]", type, input).isNotBlank();
        } catch (RuntimeException e) {
            fail(type + ".parse threw " + e + " for input [" + input + "]", e);
        }
    }

    private static String join(List<Character> chars) {
        StringBuilder out = new StringBuilder(chars.size());
        chars.forEach(out::append);
        return out.toString();
    }
}
