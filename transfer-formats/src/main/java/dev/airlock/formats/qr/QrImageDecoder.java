package dev.airlock.formats.qr;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.ReaderException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.IIOException;
import javax.imageio.ImageIO;

/** Reads the text of the QR code in an image (a rendered frame, a photo, a camera frame) with ZXing. */
public final class QrImageDecoder {
    private static final Map<DecodeHintType, Object> HINTS = Map.of(
            DecodeHintType.TRY_HARDER, Boolean.TRUE,
            DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE));
    /** For clean, axis-aligned symbols (our own PNGs, scans), where the finder search sometimes trips. */
    private static final Map<DecodeHintType, Object> PURE = Map.of(
            DecodeHintType.PURE_BARCODE, Boolean.TRUE,
            DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE));

    private QrImageDecoder() {
    }

    /**
     * The text of the QR code in {@code image}; feed it to {@link QrDecoder#receivePart(String)}.
     *
     * @throws QrFormatException if no readable QR code is found
     */
    public static String decode(BufferedImage image) throws QrFormatException {
        BufferedImageLuminanceSource source = new BufferedImageLuminanceSource(image);
        // ZXing's finder-pattern search misses a few percent of perfectly clean symbols; a camera
        // picture needs the general search, a rendered or scanned frame reads as a pure barcode.
        // Try the general search, then other binarisation, then the pure-barcode path.
        ReaderException last = null;
        for (Attempt attempt : Attempt.values()) {
            try {
                return new QRCodeReader().decode(attempt.bitmap(source), attempt.hints()).getText();
            } catch (ReaderException e) {
                last = e;
            }
        }
        throw new QrFormatException("no readable QR code in the " + image.getWidth() + "×" + image.getHeight()
                + " image (" + last.getClass().getSimpleName() + "); use a sharper, larger or less skewed picture");
    }

    /** The decoding strategies, in order. */
    private enum Attempt {
        HYBRID, GLOBAL_HISTOGRAM, PURE_BARCODE;

        BinaryBitmap bitmap(BufferedImageLuminanceSource source) {
            return new BinaryBitmap(this == GLOBAL_HISTOGRAM ? new GlobalHistogramBinarizer(source)
                    : new HybridBinarizer(source));
        }

        Map<DecodeHintType, Object> hints() {
            return this == PURE_BARCODE ? PURE : HINTS;
        }
    }

    /**
     * The text of the QR code in an image file (PNG, JPEG, GIF, BMP).
     *
     * @throws QrFormatException if the file is no image or holds no readable QR code
     * @throws IOException       if the file cannot be read
     */
    public static String decode(Path imageFile) throws QrFormatException, IOException {
        if (!Files.exists(imageFile)) {
            throw new NoSuchFileException(imageFile.toString());
        }
        if (!Files.isRegularFile(imageFile)) {
            throw new QrFormatException(imageFile + " is a folder, not an image file");
        }
        BufferedImage image;
        try {
            image = ImageIO.read(imageFile.toFile());
        } catch (IIOException | RuntimeException e) {
            // the image reader's own words ("I/O error reading PNG header!") say nothing a person can act on
            throw new QrFormatException(imageFile.getFileName() + " is not a readable PNG/JPEG image: the file is"
                    + " damaged or cut short (" + Files.size(imageFile) + " bytes); copy or photograph it again");
        }
        if (image == null) {
            throw new QrFormatException(imageFile.getFileName() + " is not a readable PNG/JPEG image: its content is"
                    + " not an image (PNG, JPEG, GIF or BMP)");
        }
        return decode(image);
    }
}
