package dev.airlock.appliance.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The store's time text: UTC, milliseconds, fixed width, so sorting the text sorts the times. */
class TimesTest {
    @Test
    void format_alwaysWritesMillisecondsAndZ_atFixedWidth() {
        assertThat(Times.format(Instant.parse("2025-03-04T05:06:07Z"))).isEqualTo("2025-03-04T05:06:07.000Z");
        assertThat(Times.format(Instant.parse("2025-03-04T05:06:07.1Z"))).isEqualTo("2025-03-04T05:06:07.100Z");
        assertThat(Times.format(Instant.parse("1970-01-01T00:00:00Z"))).isEqualTo("1970-01-01T00:00:00.000Z");
        assertThat(Times.format(Instant.parse("9999-12-31T23:59:59.999Z"))).hasSize(24);
    }

    @Test
    void format_dropsSubMillisecondDigits() {
        assertThat(Times.format(Instant.parse("2025-03-04T05:06:07.123456789Z")))
                .isEqualTo("2025-03-04T05:06:07.123Z");
    }

    @Test
    void parse_readsBackWhatFormatWrote() {
        Instant t = Instant.parse("2031-11-30T23:59:58.042Z");

        assertThat(Times.parse(Times.format(t))).isEqualTo(t);
    }

    @Test
    void parse_readsWhatInstantParseReads_andRefusesWhatItRefuses() {
        SplittableRandom random = new SplittableRandom(13);
        for (int i = 0; i < 2000; i++) {
            String text = Times.format(Instant.ofEpochMilli(random.nextLong(-62_135_596_800_000L, 253_402_300_799_999L)));
            assertThat(Times.parse(text)).isEqualTo(Instant.parse(text));
        }
        for (String other : List.of("2025-03-04T05:06:07Z", "2025-03-04T05:06:07.123456Z", "2024-02-29T00:00:00.000Z",
                "2025-12-31T23:59:60.000Z")) {
            assertThat(Times.parse(other)).isEqualTo(Instant.parse(other));
        }
        for (String odd : List.of("2025-02-29T00:00:00.000Z", "2025-13-01T00:00:00.000Z", "2025-01-01T24:00:00.000Z",
                "2025-01-01T00:60:00.000Z", "2025-01-01T00:00:61.000Z", "2025-0a-01T00:00:00.000Z",
                "2025-01-01 00:00:00.000Z", "")) {
            assertThat(outcome(() -> Times.parse(odd))).as(odd).isEqualTo(outcome(() -> Instant.parse(odd)));
        }
        assertThatThrownBy(() -> Times.parse("2025-13-01T00:00:00.000Z")).isInstanceOf(DateTimeParseException.class);
    }

    /** The instant, or the class of what was thrown. */
    private static Object outcome(java.util.function.Supplier<Instant> parse) {
        try {
            return parse.get();
        } catch (RuntimeException e) {
            return e.getClass();
        }
    }

    @Test
    void format_textOrder_isTimeOrder() {
        SplittableRandom random = new SplittableRandom(2025);
        List<Instant> times = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            // 1970 .. 2200, millisecond precision
            times.add(Instant.ofEpochMilli(random.nextLong(0, 7_258_118_400_000L)));
        }
        times.add(Instant.parse("2025-01-01T00:00:00Z"));
        times.add(Instant.parse("2025-01-01T00:00:00.001Z"));

        List<String> texts = times.stream().map(Times::format).toList();
        assertThat(texts).allSatisfy(s -> assertThat(s).hasSize(24));
        List<String> byText = texts.stream().sorted().toList();
        List<String> byTime = times.stream().sorted(Comparator.naturalOrder()).map(Times::format).toList();
        assertThat(byText).isEqualTo(byTime);
    }
}
