package dev.airlock.appliance.devices;

import java.time.Instant;

/** One code read by the scanner (a line, without its CR/LF). */
public record CodeScanned(String code, String port, Instant at) {}
