package dev.airlock.formats.qr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class QrImageDecoderTest {
    /**
     * ZXing's general finder search misses a few percent of clean rendered symbols (27 of 1,500
     * at v10-M before the fallbacks); every frame we render must read back.
     */
    @Test
    void decode_everyRenderedFrame_readsBack() throws QrFormatException {
        Random random = new Random(20261122);
        List<String> failures = new ArrayList<>();
        for (int version : new int[] {10, 15, 20}) {
            QrOptions options = QrOptions.of(version, QrOptions.EcLevel.M);
            for (int i = 0; i < 25; i++) {
                byte[] bundle = new byte[1500];
                random.nextBytes(bundle);
                for (String frame : new QrEncoder(bundle, options).frames()) {
                    String back = QrImageDecoder.decode(QrRenderer.image(frame, options, 6));
                    if (!back.equals(frame)) {
                        failures.add(options + " frame read back differently");
                    }
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void decode_blankImage_saysNoReadableCode() {
        BufferedImage blank = new BufferedImage(200, 200, BufferedImage.TYPE_INT_RGB);
        assertThatThrownBy(() -> QrImageDecoder.decode(blank)).isInstanceOf(QrFormatException.class)
                .hasMessageContaining("no readable QR code");
    }
}
