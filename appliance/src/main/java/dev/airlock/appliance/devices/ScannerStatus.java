package dev.airlock.appliance.devices;

/** Whether the serial scanner is usable. */
public sealed interface ScannerStatus permits ScannerStatus.Connected, ScannerStatus.Disconnected {
    /** The port is open; codes will arrive. */
    record Connected(String port) implements ScannerStatus {}

    /** No usable port; {@code reason} says why and what to do. The scanner retries every second. */
    record Disconnected(String reason) implements ScannerStatus {}
}
