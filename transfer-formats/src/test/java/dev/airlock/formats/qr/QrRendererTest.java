package dev.airlock.formats.qr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.airlock.formats.qr.QrOptions.EcLevel;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QrRendererTest {

    @Test
    void png_fullV20MFrame_isExactlyVersion20WithQuietZone() throws Exception {
        String frame = new QrEncoder(QrSamples.seeded(41, 2000)).frames().getFirst();

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(QrRenderer.png(frame, QrOptions.defaults(), 4)));

        assertThat(image.getWidth()).isEqualTo((97 + 8) * 4);
        assertThat(image.getHeight()).isEqualTo((97 + 8) * 4);
        // Quiet zone: the first 16 px are white; the finder pattern starts right after.
        assertThat(image.getRGB(15, 15) & 0xffffff).isEqualTo(0xffffff);
        assertThat(image.getRGB(16, 16) & 0xffffff).isZero();
        assertThat(QrImageDecoder.decode(image)).isEqualTo(frame);
    }

    @Test
    void image_shortLastFrame_keepsTheChosenVersion() throws Exception {
        String shortFrame = new QrEncoder(QrSamples.seeded(42, 10), QrOptions.of(15, EcLevel.Q)).frames().getFirst();

        BufferedImage image = QrRenderer.image(shortFrame, QrOptions.of(15, EcLevel.Q), 3);

        assertThat(image.getWidth()).isEqualTo((17 + 60 + 8) * 3);
        assertThat(QrImageDecoder.decode(image)).isEqualTo(shortFrame);
    }

    @Test
    void image_textTooLongForTheVersion_throws() {
        assertThatThrownBy(() -> QrRenderer.image("1".repeat(1601), QrOptions.defaults(), 4))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("do not fit");
    }

    @Test
    void image_nonDigits_throws() {
        assertThatThrownBy(() -> QrRenderer.image("12a4", QrOptions.defaults(), 4))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("digits only");
        assertThatThrownBy(() -> QrRenderer.image("", QrOptions.defaults(), 4))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> QrRenderer.image("1234", QrOptions.defaults(), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1..64");
    }

    @Test
    void imageDecoder_blankImage_throwsChecked(@TempDir Path dir) throws Exception {
        BufferedImage blank = new BufferedImage(200, 200, BufferedImage.TYPE_BYTE_GRAY);
        assertThatThrownBy(() -> QrImageDecoder.decode(blank))
                .isInstanceOf(QrFormatException.class).hasMessageContaining("no readable QR code");

        Path notAnImage = Files.writeString(dir.resolve("frames.png"), "not an image");
        assertThatThrownBy(() -> QrImageDecoder.decode(notAnImage))
                .isInstanceOf(QrFormatException.class).hasMessageContaining("not an image");
    }
}
