package dev.airlock.formats.qr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.formats.qr.QrOptions.EcLevel;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pins frame format 1 with exact frame strings (like hummingbird's URTest.testEncode). */
class QrGoldenVectorTest {

    @Test
    void encode_seededBundleAtV10M_givesPinnedFrames() {
        QrEncoder encoder = new QrEncoder(QrSamples.seeded(20240601L, 700), QrOptions.of(10, EcLevel.M));

        assertThat(encoder.bundleId()).isEqualTo("212640");
        assertThat(encoder.frames()).containsExactlyElementsOf(QrSamples.resourceLines("golden-random700-v10-M.txt"));
    }

    @Test
    void encode_asciiAirlockAtV20M_givesPinnedFrame() {
        QrEncoder encoder = new QrEncoder("Airlock".getBytes(StandardCharsets.US_ASCII));

        assertThat(encoder.frames()).containsExactlyElementsOf(QrSamples.resourceLines("golden-airlock-v20-M.txt"));
        // 1 | 857346 | 0001 | 0001 | 29 + 8 payload digits (7 bytes + 8 digest bytes) | CRC-32C
        assertThat(encoder.frames().getFirst()).hasSize(15 + 29 + 8 + 10).startsWith("1857346" + "0001" + "0001");
    }

    @Test
    void decode_pinnedFrames_givesSeededBundle() {
        QrDecoder decoder = new QrDecoder();
        List<String> frames = QrSamples.resourceLines("golden-random700-v10-M.txt");
        ScanResult last = null;
        for (String frame : frames.reversed()) {
            last = decoder.receivePart(frame);
        }

        assertThat(last).isEqualTo(new ScanResult.Complete(QrSamples.seeded(20240601L, 700)));
    }

    @Test
    void frames_fillTheSymbol_exceptTheLast() {
        QrOptions options = QrOptions.defaults();
        QrEncoder encoder = new QrEncoder(QrSamples.seeded(7, 3 * 651 + 100), options);

        assertThat(encoder.frameCount()).isEqualTo(4);
        assertThat(QrEncoder.bytesPerFrame(options)).isEqualTo(651);
        for (String frame : encoder.frames().subList(0, 3)) {
            assertThat(frame).hasSize(1600 - 1); // 54 blocks + 3 bytes: 1599 of 1600 digits
        }
        assertThat(encoder.frames().get(3)).hasSize(15 + DigitCodec.encodedLength(108) + 10);
    }

    @Test
    void framesDoc_showsTheGoldenExampleAndTheTrueBytesPerFrameTable() throws Exception {
        String doc;
        try (InputStream in = QrEncoder.class.getResourceAsStream("FRAMES.md")) {
            assertThat(in).as("FRAMES.md next to the qr package").isNotNull();
            doc = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(doc).contains(QrSamples.resourceLines("golden-airlock-v20-M.txt").getFirst());
        for (int version : new int[] {10, 15, 20, 25, 40}) {
            StringBuilder row = new StringBuilder("| " + version + " |");
            for (EcLevel level : EcLevel.values()) {
                String cell = Integer.toString(QrEncoder.bytesPerFrame(QrOptions.of(version, level)));
                row.append(' ').append(version == 20 && level == EcLevel.M ? "**" + cell + "**" : cell).append(" |");
            }
            assertThat(doc).contains(row);
        }
    }
}
