/** The export screen: choose products, preview what leaves the lab, write to a transfer stick or show QR frames. */
package dev.airlock.kiosk.export;
