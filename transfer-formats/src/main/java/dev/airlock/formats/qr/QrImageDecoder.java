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
import dev.airlock.formats.outside.NotAFileException;
import dev.airlock.formats.outside.OutsideFiles;
import dev.airlock.formats.outside.TooLargeException;
import java.io.ByteArrayInputStream;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

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
        String why = last instanceof com.google.zxing.ChecksumException ? "a code was found but its error correction"
                + " failed" : last instanceof com.google.zxing.FormatException ? "a code was found but could not be read"
                : "no code was found";
        throw new QrFormatException("no readable QR code in the " + image.getWidth() + "×" + image.getHeight()
                + " image (" + why + "); use a sharper, larger or less skewed picture");
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
        if (!Files.exists(imageFile, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            throw new NoSuchFileException(imageFile.toString());
        }
        if (Files.isDirectory(imageFile, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            throw new QrFormatException(imageFile + " is a folder, not an image file");
        }
        byte[] bytes;
        try {
            // a link, a pipe or a device is refused before anything opens it
            bytes = OutsideFiles.readLimited(imageFile, MAX_FILE_BYTES);
        } catch (TooLargeException e) {
            throw new QrFormatException(imageFile.getFileName() + " is too large for a frame image (" + e.size()
                    + " bytes, at most " + MAX_FILE_BYTES + "); use a smaller picture");
        } catch (NotAFileException e) {
            throw new QrFormatException(imageFile.getFileName() + " " + e.getReason());
        }
        if (bytes.length == 0) {
            throw new QrFormatException(imageFile.getFileName() + " is empty (0 bytes): the copy was cut short; copy"
                    + " or photograph it again");
        }
        BufferedImage image = read(imageFile.getFileName().toString(), bytes);
        return decode(image);
    }

    /** Largest image file read, in bytes. */
    static final int MAX_FILE_BYTES = 32 << 20;
    /** Largest picture decoded, in pixels: a camera photo (6000×4000) fits, a decompression bomb does not. */
    static final long MAX_PIXELS = 24_000_000L;

    /**
     * Decodes an image whose header says it is no larger than {@link #MAX_PIXELS}: the size is read
     * from the header before any pixel is, so a small file that unpacks to gigabytes is refused.
     */
    static BufferedImage read(String name, byte[] bytes) throws QrFormatException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = in == null ? java.util.Collections.emptyIterator()
                    : ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new QrFormatException(name + " is not a readable PNG/JPEG image: its content is not an image"
                        + " (PNG, JPEG, GIF or BMP)");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long width = reader.getWidth(0);
                long height = reader.getHeight(0);
                if (width <= 0 || height <= 0 || width * height > MAX_PIXELS) {
                    throw new QrFormatException(name + " is " + width + "×" + height + " pixels, larger than any"
                            + " scanner screen or camera shows (at most " + MAX_PIXELS / 1_000_000 + " megapixels):"
                            + " not a frame image; use the frame PNG or a photo of the screen");
                }
                BufferedImage image = reader.read(0);
                if (image == null) {
                    throw new QrFormatException(name + " is not a readable PNG/JPEG image: its content is not an"
                            + " image (PNG, JPEG, GIF or BMP)");
                }
                return image;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException | OutOfMemoryError e) {
            // the image reader's own words ("I/O error reading PNG header!") say nothing a person can act on
            throw new QrFormatException(name + " is not a readable PNG/JPEG image: the file is damaged or cut short ("
                    + bytes.length + " bytes); copy or photograph it again");
        }
    }
}
