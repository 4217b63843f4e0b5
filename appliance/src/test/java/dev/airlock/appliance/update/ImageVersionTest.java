package dev.airlock.appliance.update;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Versions are dotted numbers compared as numbers, part by part. */
class ImageVersionTest {
    private static ImageVersion v(String s) {
        return ImageVersion.parse(s);
    }

    @Test
    void compare_isNumericPartByPart_notTextual() {
        assertThat(v("2026.12.10").isNewerThan(v("2026.12.9"))).isTrue();
        assertThat(v("2026.12.01.3").isNewerThan(v("2026.12.01.2"))).isTrue();
        assertThat(v("2026.12.01.10").isNewerThan(v("2026.12.01.9"))).isTrue();
        assertThat(v("2027.1").isNewerThan(v("2026.12.31.99"))).isTrue();
        assertThat(v("2026.12.01.3").isNewerThan(v("2026.12.01.3"))).isFalse();
        assertThat(v("2026.12.01").isNewerThan(v("2026.12.01.1"))).isFalse();
        assertThat(v("2026.12.01.1").isNewerThan(v("2026.12.01"))).isTrue();
        assertThat(v("2026.12.01")).isEqualTo(v("2026.12.1.0")).hasSameHashCodeAs(v("2026.12.1.0"));
        assertThat(v("2026.12.01").toString()).isEqualTo("2026.12.01");
        assertThat(List.of(v("3"), v("1.10"), v("1.9"), v("1.9.1")).stream().sorted().map(ImageVersion::toString))
                .containsExactly("1.9", "1.9.1", "1.10", "3");
    }

    @Test
    void parse_refusesWhatIsNotDottedNumbers() {
        for (String bad : List.of("", ".", "1.", ".1", "1..2", "1.2a", "v1.2", "1,2", " 1.2", "1.-2", "1234567890",
                "1.2.3.4.5.6.7.8.9")) {
            assertThatThrownBy(() -> ImageVersion.parse(bad)).as("'%s'", bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> ImageVersion.parse("1".repeat(200))).hasMessageContaining("too long");
    }
}
