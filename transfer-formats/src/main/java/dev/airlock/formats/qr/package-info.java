/**
 * Rendering B of a bundle: a numbered sequence of QR symbols whose content is digits only
 * (numeric mode), because only digits survive every keyboard-wedge scanner and keyboard layout.
 *
 * <p>Shaped like hummingbird's {@code UREncoder}/{@code URDecoder}: the display calls
 * {@link dev.airlock.formats.qr.QrEncoder#nextPart()} on a timer; the scan screen feeds
 * {@link dev.airlock.formats.qr.QrDecoder#receivePart(String)} and shows the percent.
 * {@link dev.airlock.formats.qr.QrRenderer} and {@link dev.airlock.formats.qr.QrImageDecoder} are
 * the only classes that touch ZXing. The bundle bytes are opaque here; the frame format is
 * documented in {@code FRAMES.md} next to this package's resources.
 */
package dev.airlock.formats.qr;
