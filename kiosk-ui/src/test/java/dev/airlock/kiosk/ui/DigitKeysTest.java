package dev.airlock.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DigitKeysTest {
    @Test
    void digitsOf_typedAzertyKeys_becomeTheirDigits() {
        assertThat(DigitKeys.digitsOf("&é\"'(-è_çà", false)).isEqualTo("1234567890");
    }

    @Test
    void digitsOf_pastedNumberWithDashes_treatsDashesAsSeparators() {
        assertThat(DigitKeys.digitsOf("1234567-2345678-3456789", true)).isEqualTo("123456723456783456789");
        assertThat(DigitKeys.digitsOf("123 456 789", true)).isEqualTo("123456789");
    }

    @Test
    void digitsOf_dropsLettersAndPunctuation() {
        assertThat(DigitKeys.digitsOf("12a3.4", false)).isEqualTo("1234");
    }
}
