package dev.airlock.formats.qr;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Draws a frame as a black-on-white QR symbol of exactly the chosen version and level, numeric
 * mode, with the standard 4-module quiet zone.
 */
public final class QrRenderer {
    /** Quiet zone in modules (ISO 18004 minimum; ZXing's default). */
    public static final int MARGIN_MODULES = 4;

    private QrRenderer() {
    }

    /**
     * The symbol as a 1-bit image, {@code (modules + 8) × pixelsPerModule} pixels square.
     *
     * @throws IllegalArgumentException if the text is not digits only, does not fit the version, or
     *                                  {@code pixelsPerModule} is not 1..64
     */
    public static BufferedImage image(String frameDigits, QrOptions options, int pixelsPerModule) {
        return MatrixToImageWriter.toBufferedImage(matrix(frameDigits, options, pixelsPerModule));
    }

    /** The symbol as PNG bytes; see {@link #image(String, QrOptions, int)}. */
    public static byte[] png(String frameDigits, QrOptions options, int pixelsPerModule) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        try {
            if (!ImageIO.write(image(frameDigits, options, pixelsPerModule), "png", out)) {
                throw new IllegalStateException("this Java runtime has no PNG writer");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing PNG to memory failed", e);
        }
        return out.toByteArray();
    }

    private static BitMatrix matrix(String frameDigits, QrOptions options, int pixelsPerModule) {
        if (frameDigits.isEmpty() || !frameDigits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("QR frames are digits only; got something else");
        }
        if (pixelsPerModule < 1 || pixelsPerModule > 64) {
            throw new IllegalArgumentException("pixels per module must be 1..64, not " + pixelsPerModule);
        }
        if (frameDigits.length() > options.numericCapacity()) {
            throw new IllegalArgumentException(frameDigits.length() + " digits do not fit a QR symbol at " + options
                    + " (at most " + options.numericCapacity() + ")");
        }
        int side = (options.modules() + 2 * MARGIN_MODULES) * pixelsPerModule;
        Map<EncodeHintType, Object> hints = Map.of(
                EncodeHintType.QR_VERSION, options.version(),
                EncodeHintType.ERROR_CORRECTION, options.ecLevel().zxing(),
                EncodeHintType.MARGIN, MARGIN_MODULES);
        try {
            return new QRCodeWriter().encode(frameDigits, BarcodeFormat.QR_CODE, side, side, hints);
        } catch (WriterException e) {
            throw new IllegalArgumentException("ZXing cannot draw " + frameDigits.length() + " digits at " + options
                    + ": " + e.getMessage(), e);
        }
    }
}
