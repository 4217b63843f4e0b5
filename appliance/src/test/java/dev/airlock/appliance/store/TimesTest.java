package dev.airlock.appliance.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
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
