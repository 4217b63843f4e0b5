package dev.airlock.formats.qr;

import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.decoder.Mode;
import com.google.zxing.qrcode.decoder.Version;

/**
 * QR symbol version and error-correction level for a frame sequence (default version 20, level
 * M), with the symbol's capacities per ISO 18004 as computed from ZXing's version tables.
 */
public record QrOptions(int version, EcLevel ecLevel) {

    /** QR error-correction levels, in increasing robustness and decreasing capacity. */
    public enum EcLevel {
        L(ErrorCorrectionLevel.L), M(ErrorCorrectionLevel.M), Q(ErrorCorrectionLevel.Q), H(ErrorCorrectionLevel.H);

        private final ErrorCorrectionLevel zxing;

        EcLevel(ErrorCorrectionLevel zxing) {
            this.zxing = zxing;
        }

        ErrorCorrectionLevel zxing() {
            return zxing;
        }
    }

    public static final int DEFAULT_VERSION = 20;
    public static final EcLevel DEFAULT_EC_LEVEL = EcLevel.M;

    /** Validates the version (1..40) and that a frame fits the symbol at all. */
    public QrOptions {
        if (ecLevel == null) {
            throw new IllegalArgumentException("QR error-correction level is missing: use L, M, Q or H");
        }
        if (version < 1 || version > 40) {
            throw new IllegalArgumentException("QR version " + version + " does not exist: use 1..40 (default 20)");
        }
        if (numericCapacity(version, ecLevel) < Frame.MIN_LENGTH) {
            throw new IllegalArgumentException("QR version " + version + " at level " + ecLevel
                    + " holds only " + numericCapacity(version, ecLevel) + " digits, fewer than one frame needs ("
                    + Frame.MIN_LENGTH + "); choose a higher version or a lower level");
        }
    }

    /** Version 20, level M. */
    public static QrOptions defaults() {
        return new QrOptions(DEFAULT_VERSION, DEFAULT_EC_LEVEL);
    }

    public static QrOptions of(int version, EcLevel ecLevel) {
        return new QrOptions(version, ecLevel);
    }

    /** Modules per side of the symbol, without the quiet zone. */
    public int modules() {
        return 17 + 4 * version;
    }

    /** Most decimal digits one symbol holds in numeric mode. */
    public int numericCapacity() {
        return numericCapacity(version, ecLevel);
    }

    /** Most characters one symbol holds in alphanumeric mode. */
    public int alphanumericCapacity() {
        int bits = payloadBits(version, ecLevel, Mode.ALPHANUMERIC);
        return bits / 11 * 2 + (bits % 11 >= 6 ? 1 : 0);
    }

    /** Most bytes one symbol holds in byte mode. */
    public int byteCapacity() {
        return payloadBits(version, ecLevel, Mode.BYTE) / 8;
    }

    @Override
    public String toString() {
        return "v" + version + "-" + ecLevel;
    }

    private static int numericCapacity(int version, EcLevel ecLevel) {
        int bits = payloadBits(version, ecLevel, Mode.NUMERIC);
        int rest = bits % 10;
        return bits / 10 * 3 + (rest >= 7 ? 2 : rest >= 4 ? 1 : 0);
    }

    /** Data bits of the symbol left after one segment header (mode indicator + count) for the mode. */
    private static int payloadBits(int version, EcLevel ecLevel, Mode mode) {
        Version v = Version.getVersionForNumber(version);
        int dataCodewords = v.getTotalCodewords() - v.getECBlocksForLevel(ecLevel.zxing()).getTotalECCodewords();
        return dataCodewords * 8 - 4 - mode.getCharacterCountBits(v);
    }
}
