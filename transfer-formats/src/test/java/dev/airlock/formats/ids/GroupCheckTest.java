package dev.airlock.formats.ids;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/** The advisory group check digit of IIDs and CIDs: hand-computed vectors and properties. */
class GroupCheckTest {
    /**
     * Made-up 63-digit IID whose groups fit, worked by hand: e.g. group 1 "123456" gives
     * 1 + 4 + 3 + 8 + 5 + 12 = 33, 33 mod 7 = 5, so "1234565".
     */
    static final List<String> IID63_FITTING = List.of(
            "1234565", "0000000", "9999994", "3141596", "2718282", "1111112", "5555553", "8642000", "0123453");
    static final String IID63 = String.join("", IID63_FITTING);

    /** Made-up CID whose groups fit: "11111" gives 1 + 2 + 1 + 2 + 1 = 7, 7 mod 7 = 0, so "111110". */
    static final List<String> CID_FITTING = List.of(
            "111110", "123450", "999990", "864200", "000000", "314152", "271820", "500005");
    static final String CID = String.join("", CID_FITTING);

    @Test
    void checkDigit_handComputedVectors() {
        assertThat(GroupCheck.checkDigit("123456")).isEqualTo(5);
        assertThat(GroupCheck.checkDigit("999999")).isEqualTo(4); // 9+18+9+18+9+18 = 81 = 11*7+4
        assertThat(GroupCheck.checkDigit("11111")).isZero();
        assertThat(GroupCheck.checkDigit("31415")).isEqualTo(2); // 3+2+4+2+5 = 16 = 2*7+2
        assertThat(GroupCheck.checkDigit("27182")).isZero(); // 2+14+1+16+2 = 35 = 5*7
    }

    @Test
    void handComputedSamples_fit() throws Exception {
        for (String g : IID63_FITTING) {
            assertThat(GroupCheck.fits(g)).as(g).isTrue();
        }
        for (String g : CID_FITTING) {
            assertThat(GroupCheck.fits(g)).as(g).isTrue();
        }
        assertThat(InstallationId.parse(IID63).groupCheck()).isEqualTo(new GroupCheck.Result.Fits());
        assertThat(ConfirmationId.parse(CID).groupCheck()).isEqualTo(new GroupCheck.Result.Fits());
    }

    @Test
    void plainDigitSum_isNotTheRule() {
        // 1+2+3+4+5+6 = 21 -> 0 under a plain sum; the weighted sum says 5
        assertThat(GroupCheck.fits("1234560")).isFalse();
        assertThat(GroupCheck.fits("1234565")).isTrue();
    }

    @Test
    void finalDigit7To9_neverFits() {
        for (String end : List.of("7", "8", "9")) {
            assertThat(GroupCheck.fits("123456" + end)).isFalse();
            assertThat(GroupCheck.fits("00000" + end)).isFalse();
        }
    }

    @Test
    void iid63_withOneMistypedGroup_namesThatGroup() throws Exception {
        String typo = IdSamples.replaceAt(IID63, 3 * 7 + 2, '0'); // group 4 "3141596" -> "3101596"
        assertThat(InstallationId.parse(typo).groupCheck()).isEqualTo(new GroupCheck.Result.Mistyped(List.of(4)));
    }

    @Test
    void iid63_withTwoMistypedGroups_namesBoth() throws Exception {
        String typo = IdSamples.replaceAt(IdSamples.replaceAt(IID63, 0, '2'), 8 * 7 + 6, '9');
        assertThat(InstallationId.parse(typo).groupCheck().groups()).containsExactly(1, 9);
    }

    @Test
    void cid_withAMistypedGroup_isMistyped() throws Exception {
        String typo = IdSamples.replaceAt(CID, 3 * 6 + 1, '5'); // group D
        assertThat(ConfirmationId.parse(typo).groupCheck()).isEqualTo(new GroupCheck.Result.Mistyped(List.of(4)));
    }

    @Test
    void iid54_failingGroups_areOnlyUnconfirmed() throws Exception {
        InstallationId iid = InstallationId.parse(IdSamples.IID54_DIGITS); // made up, groups do not fit
        assertThat(iid.groupCheck()).isInstanceOf(GroupCheck.Result.Unconfirmed.class);
        assertThat(InstallationId.parse(GroupCheck.withCheckDigits(IdSamples.IID54_DIGITS, 6)).groupCheck())
                .isEqualTo(new GroupCheck.Result.Fits());
    }

    @Test
    void parse_neverRefusesAnIdThatFailsTheCheck() throws Exception {
        String bad = "9".repeat(63); // every group ends in 9: every group fails
        assertThat(InstallationId.parse(bad).groupCheck().groups()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(ConfirmationId.parse("9".repeat(48)).groupCheck().groups()).hasSize(8);
    }

    @Test
    void withCheckDigits_makesEveryGroupFit_andKeepsTheDataDigits() {
        String made = GroupCheck.withCheckDigits(IdSamples.IID63_DIGITS, 7);
        assertThat(GroupCheck.failing(made, 7)).isEmpty();
        for (int g = 0; g < 9; g++) {
            assertThat(made.substring(g * 7, g * 7 + 6)).isEqualTo(IdSamples.IID63_DIGITS.substring(g * 7, g * 7 + 6));
        }
    }

    @Test
    void badArguments_areProgrammingErrors() {
        assertThatThrownBy(() -> GroupCheck.failing("12345", 7)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GroupCheck.fits("1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GroupCheck.checkDigit("12a")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GroupCheck.Result.Mistyped(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    // --- dropped and extra digits ----------------------------------------------------------

    @Test
    void droppedDigitInGroup4_namesGroup4_notTheLastGroup() {
        String dropped = IID63.substring(0, 3 * 7 + 3) + IID63.substring(3 * 7 + 4);
        assertThat(GroupCheck.locateShift(dropped, 9, 7)).contains(new GroupCheck.Shift(List.of(4), -1));
    }

    @Test
    void extraDigitInGroup6_namesGroup6() {
        String extra = IID63.substring(0, 5 * 7 + 2) + "4" + IID63.substring(5 * 7 + 2);
        assertThat(GroupCheck.locateShift(extra, 9, 7)).contains(new GroupCheck.Shift(List.of(6), 1));
    }

    @Test
    void droppedLastDigit_namesTheLastGroup() {
        assertThat(GroupCheck.locateShift(IID63.substring(0, 62), 9, 7))
                .contains(new GroupCheck.Shift(List.of(9), -1));
    }

    @Test
    void locateShift_ofTheRightLength_orTwoOff_isEmpty() {
        assertThat(GroupCheck.locateShift(IID63, 9, 7)).isEmpty();
        assertThat(GroupCheck.locateShift(IID63.substring(2), 9, 7)).isEmpty();
        assertThat(GroupCheck.locateShift("x".repeat(62), 9, 7)).isEmpty();
    }

    @Test
    void parse_of62Digits_namesTheGroupWhereTheDigitWasDropped() {
        String dropped = IID63.substring(0, 3 * 7 + 3) + IID63.substring(3 * 7 + 4);
        assertThatThrownBy(() -> InstallationId.parse(dropped))
                .hasMessage("IID must be 54 or 63 digits, got 62: group 4 looks one digit short");
        String droppedCid = CID.substring(0, 2 * 6 + 1) + CID.substring(2 * 6 + 2);
        assertThatThrownBy(() -> ConfirmationId.parse(droppedCid))
                .hasMessage("CID must be 48 digits, got 47: group C looks one digit short");
        String extraCid = CID + "0";
        assertThatThrownBy(() -> ConfirmationId.parse(extraCid))
                .hasMessage("CID must be 48 digits, got 49: group H looks one digit too long");
    }

    @Test
    void words_singularAndPlural() {
        assertThat(GroupCheck.looks(List.of(4), false)).isEqualTo("group 4 looks");
        assertThat(GroupCheck.looks(List.of(1, 4, 6), true)).isEqualTo("groups A, D and F look");
        assertThat(GroupCheck.looks(new GroupCheck.Shift(List.of(4, 5), -1), false)).isEqualTo("group 4 or 5 looks");
    }

    // --- properties ------------------------------------------------------------------------

    /** Every single-digit change not by ±7 is caught, in the group where it happened (IID, 7-digit groups). */
    @Property
    void iid63_everySingleDigitChangeNotBy7_isCaughtInItsGroup(
            @ForAll @NumericChars @StringLength(63) String random,
            @ForAll @IntRange(min = 0, max = 62) int at,
            @ForAll @IntRange(min = 1, max = 9) int by) throws Exception {
        String valid = GroupCheck.withCheckDigits(random, 7);
        int old = valid.charAt(at) - '0';
        int changed = old + by;
        Assume.that(changed <= 9 && by != 7);
        String typo = IdSamples.replaceAt(valid, at, (char) ('0' + changed));

        assertThat(InstallationId.parse(typo).groupCheck()).isEqualTo(new GroupCheck.Result.Mistyped(List.of(at / 7 + 1)));
    }

    /** The same for CIDs (6-digit groups), changes up or down. */
    @Property
    void cid_everySingleDigitChangeNotBy7_isCaughtInItsGroup(
            @ForAll @NumericChars @StringLength(48) String random,
            @ForAll @IntRange(min = 0, max = 47) int at,
            @ForAll("digit") char to) throws Exception {
        String valid = GroupCheck.withCheckDigits(random, 6);
        int diff = Math.abs(valid.charAt(at) - to);
        Assume.that(diff != 0 && diff != 7);
        String typo = IdSamples.replaceAt(valid, at, to);

        assertThat(ConfirmationId.parse(typo).groupCheck()).isEqualTo(new GroupCheck.Result.Mistyped(List.of(at / 6 + 1)));
    }

    /** A change by exactly 7 is what the check cannot see. */
    @Property
    void changeBy7_isMissed(@ForAll @NumericChars @StringLength(48) String random,
            @ForAll @IntRange(min = 0, max = 47) int at) throws Exception {
        String valid = GroupCheck.withCheckDigits(random, 6);
        char c = valid.charAt(at);
        Assume.that(c <= '2' || c >= '7');
        String typo = IdSamples.replaceAt(valid, at, (char) (c <= '2' ? c + 7 : c - 7));
        Assume.that(at % 6 != 5); // a check digit of 7-9 never fits

        assertThat(ConfirmationId.parse(typo).groupCheck()).isEqualTo(new GroupCheck.Result.Fits());
    }

    /** A dropped digit is located in the group where it was dropped (among at most a few candidates). */
    @Property
    void droppedDigit_isLocatedInItsGroup(@ForAll @NumericChars @StringLength(63) String random,
            @ForAll @IntRange(min = 0, max = 62) int at) {
        String valid = GroupCheck.withCheckDigits(random, 7);
        String dropped = valid.substring(0, at) + valid.substring(at + 1);

        assertThat(GroupCheck.locateShift(dropped, 9, 7)).hasValueSatisfying(s -> {
            assertThat(s.groups()).contains(at / 7 + 1);
            assertThat(s.isShort()).isTrue();
        });
    }

    /** An extra digit is located in the group where it came in. */
    @Property
    void extraDigit_isLocatedInItsGroup(@ForAll @NumericChars @StringLength(48) String random,
            @ForAll @IntRange(min = 0, max = 47) int at, @ForAll("digit") char extra) {
        String valid = GroupCheck.withCheckDigits(random, 6);
        String longer = valid.substring(0, at) + extra + valid.substring(at);

        assertThat(GroupCheck.locateShift(longer, 8, 6)).hasValueSatisfying(s -> {
            assertThat(s.groups()).contains(at / 6 + 1);
            assertThat(s.isShort()).isFalse();
        });
    }

    @Provide
    Arbitrary<Character> digit() {
        return Arbitraries.chars().range('0', '9');
    }
}
