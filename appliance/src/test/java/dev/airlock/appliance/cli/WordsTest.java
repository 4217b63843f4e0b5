package dev.airlock.appliance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WordsTest {
    @Test
    void s_isEmptyForOneOnly() {
        assertThat(Words.s(1)).isEmpty();
        assertThat(Words.s(0)).isEqualTo("s");
        assertThat(Words.s(2)).isEqualTo("s");
    }
}
