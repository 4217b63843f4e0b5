package dev.airlock.formats.qr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.airlock.formats.qr.QrOptions.EcLevel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class QrEncoderTest {

    @Test
    void nextPart_cyclesThroughFramesInOrder() {
        QrEncoder encoder = new QrEncoder(QrSamples.seeded(1, 1500));
        List<String> shown = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            shown.add(encoder.nextPart());
        }

        List<String> f = encoder.frames();
        assertThat(encoder.frameCount()).isEqualTo(3);
        assertThat(shown).containsExactly(f.get(0), f.get(1), f.get(2), f.get(0), f.get(1), f.get(2), f.get(0));
    }

    @Test
    void frames_areDigitsOnlyAndFitTheSymbol_atEveryLevel() {
        for (int version : new int[] {10, 15, 20, 25, 40}) {
            for (EcLevel level : EcLevel.values()) {
                QrOptions options = QrOptions.of(version, level);
                QrEncoder encoder = new QrEncoder(QrSamples.seeded(version, 5000), options);
                List<String> frames = encoder.frames();
                assertThat(frames).allSatisfy(frame -> {
                    assertThat(frame).matches("[0-9]+");
                    assertThat(frame.length()).isLessThanOrEqualTo(options.numericCapacity());
                });
                assertThat(frames.subList(0, frames.size() - 1)).as("full frames at %s", options)
                        .allSatisfy(frame -> assertThat(frame.length()).isGreaterThan(options.numericCapacity() - 3));
            }
        }
    }

    @Test
    void frameCountFor_matchesEncoder() {
        QrOptions options = QrOptions.of(15, EcLevel.Q);
        for (int length : new int[] {1, 100, QrEncoder.bytesPerFrame(options) - 8, QrEncoder.bytesPerFrame(options) - 7, 9999}) {
            assertThat(new QrEncoder(new byte[length], options).frameCount())
                    .as("length %d", length).isEqualTo(QrEncoder.frameCountFor(length, options));
        }
    }

    @Test
    void construct_emptyBundle_throws() {
        assertThatThrownBy(() -> new QrEncoder(new byte[0])).hasMessageContaining("bundle is empty");
    }

    @Test
    void construct_bundleNeedingOver9999Frames_throwsActionableMessage() {
        QrOptions small = QrOptions.of(3, EcLevel.H);
        int tooBig = QrEncoder.bytesPerFrame(small) * 10_000;
        assertThatThrownBy(() -> new QrEncoder(new byte[tooBig], small))
                .hasMessageContaining("more than 9999").hasMessageContaining("USB file");
    }

    @Test
    void bundleId_dependsOnlyOnBundleBytes() {
        byte[] bundle = QrSamples.seeded(3, 2000);
        assertThat(new QrEncoder(bundle, QrOptions.of(10, EcLevel.H)).bundleId())
                .isEqualTo(new QrEncoder(bundle).bundleId())
                .matches("[0-9]{6}");
    }
}
