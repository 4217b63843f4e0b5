package dev.airlock.formats.qr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.formats.qr.QrOptions.EcLevel;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our frames against independent QR implementations: every PNG we render is read by zbarimg
 * (Debian zbar-tools), and symbols drawn by qrencode (Debian qrencode) from our frame text are read
 * by our image decoder and reassembled. Missing tools fail the test; they are never skipped.
 */
class QrIndependentImplementationsTest {
    @TempDir
    Path dir;

    @Test
    void zbarimg_readsEveryFrameWeRender_atV20M() throws Exception {
        assertZbarReadsAll(new QrEncoder(QrSamples.seeded(31, 3000), QrOptions.defaults()), 4);
    }

    @Test
    void zbarimg_readsEveryFrameWeRender_atOtherDensities() throws Exception {
        assertZbarReadsAll(new QrEncoder(QrSamples.seeded(32, 900), QrOptions.of(10, EcLevel.H)), 4);
        assertZbarReadsAll(new QrEncoder(QrSamples.seeded(33, 1500), QrOptions.of(15, EcLevel.L)), 4);
        assertZbarReadsAll(new QrEncoder(QrSamples.seeded(34, 2000), QrOptions.of(25, EcLevel.Q)), 4);
    }

    @Test
    void ourDecoder_readsQrencodeSymbolsOfOurFrames_andReassembles() throws Exception {
        ExternalTools.require("qrencode", "qrencode");
        byte[] bundle = QrSamples.seeded(35, 3000);
        QrEncoder encoder = new QrEncoder(bundle, QrOptions.defaults());
        QrDecoder decoder = new QrDecoder();
        List<String> failures = new ArrayList<>();
        ScanResult last = null;
        for (String frame : encoder.frames().reversed()) {
            Path png = dir.resolve("qrencode-" + frame.substring(7, 11) + ".png");
            ExternalTools.Run run = ExternalTools.run(dir, "qrencode", "-o", png.toString(), "-l", "M", "-v", "20", frame);
            if (run.exitCode() != 0) {
                failures.add("qrencode exit " + run.exitCode() + ": " + run.stderr().strip());
                continue;
            }
            BufferedImage image = ImageIO.read(png.toFile());
            // qrencode's defaults: 3 px per module, 4-module margin. A full frame must still be a
            // version 20 symbol (97 modules), so qrencode agrees the frame fills but fits v20-M.
            if (image.getWidth() != (97 + 8) * 3) {
                failures.add("qrencode chose another version for frame " + frame.substring(7, 11) + ": "
                        + image.getWidth() + " px wide");
            }
            String text = QrImageDecoder.decode(image);
            if (!text.equals(frame)) {
                failures.add("frame " + frame.substring(7, 11) + " read back differently");
            }
            last = decoder.receivePart(text);
        }
        assertThat(failures).isEmpty();
        assertThat(last).isEqualTo(new ScanResult.Complete(bundle));
    }

    private void assertZbarReadsAll(QrEncoder encoder, int pixelsPerModule) throws Exception {
        ExternalTools.require("zbarimg", "zbar-tools");
        assertThat(encoder.frameCount()).isGreaterThan(1);
        List<String> failures = new ArrayList<>();
        for (String frame : encoder.frames()) {
            Path png = dir.resolve(encoder.options() + "-" + frame.substring(7, 11) + ".png");
            Files.write(png, QrRenderer.png(frame, encoder.options(), pixelsPerModule));
            ExternalTools.Run run = ExternalTools.run(dir, "zbarimg", "--raw", "-q", png.toString());
            String read = run.stdout().strip();
            if (run.exitCode() != 0 || !read.equals(frame)) {
                failures.add(png.getFileName() + ": zbarimg exit " + run.exitCode() + ", read "
                        + (read.equals(frame) ? "the frame" : read.length() + " chars, not the frame") + " "
                        + run.stderr().strip());
            }
        }
        assertThat(failures).as("frames zbarimg could not read back exactly").isEmpty();
    }
}
