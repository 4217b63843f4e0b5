/** The import screen: verify and merge the gateway's responses from a transfer stick or from scanned QR frames. */
package dev.airlock.kiosk.imports;
