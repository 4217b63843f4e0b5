/**
 * Shared QR components: {@link dev.airlock.kiosk.qr.QrFramesDisplay} shows a bundle as cycling
 * frames, {@link dev.airlock.kiosk.qr.QrScanPanel} reassembles one from scanned frames.
 */
package dev.airlock.kiosk.qr;
