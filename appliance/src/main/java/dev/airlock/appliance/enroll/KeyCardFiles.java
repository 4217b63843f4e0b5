package dev.airlock.appliance.enroll;

import dev.airlock.appliance.support.AtomicFiles;
import dev.airlock.appliance.support.BundleWrites;
import dev.airlock.formats.bundle.BundleFile;
import dev.airlock.formats.bundle.SignedBundle;
import dev.airlock.formats.qr.QrEncoder;
import dev.airlock.formats.qr.QrOptions;
import dev.airlock.formats.qr.QrRenderer;
import dev.airlock.formats.signature.PublicKey;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A key card as files a person carries across: the signed card ({@code airlock-keycard-….xml})
 * and its QR code(s) beside it, one PNG when the card fits one sturdy code (version 10, level M),
 * else {@code -1of3.png} … at the default density. {@code key card --to} and the kiosk's Trust tab
 * both write it this way.
 */
final class KeyCardFiles {
    /** One big, robust code for a card: phones and handheld scanners read it at a glance. */
    static final QrOptions CARD_QR = QrOptions.of(10, QrOptions.EcLevel.M);
    private static final int PNG_SCALE = 6;

    private KeyCardFiles() {}

    /** The QR density a card is shown at. */
    static QrOptions qrOptions(SignedBundle card) {
        return QrEncoder.frameCountFor(card.envelope().length, CARD_QR) == 1 ? CARD_QR : QrOptions.defaults();
    }

    /** The card's QR code(s) as PNG images, in frame order. */
    static List<byte[]> qrPngs(SignedBundle card) {
        QrOptions options = qrOptions(card);
        List<byte[]> out = new ArrayList<>();
        for (String frame : new QrEncoder(card.envelope(), options).frames()) {
            out.add(QrRenderer.png(frame, options, PNG_SCALE));
        }
        return out;
    }

    /** Writes the card and its QR code(s) into {@code dir} (each file atomically); returns what was written. */
    static CardWritten write(Path dir, SignedBundle card, PublicKey key) throws IOException {
        String fileName = BundleFile.fileName(card);
        Path file = dir.resolve(fileName);
        BundleWrites.write(file, card, key);
        String base = fileName.substring(0, fileName.length() - ".xml".length());
        List<byte[]> pngs = qrPngs(card);
        List<Path> written = new ArrayList<>();
        for (int i = 0; i < pngs.size(); i++) {
            Path png = dir.resolve(base + (pngs.size() == 1 ? "" : "-" + (i + 1) + "of" + pngs.size()) + ".png");
            AtomicFiles.write(png, pngs.get(i));
            written.add(png);
        }
        return new CardWritten(file, written);
    }
}
