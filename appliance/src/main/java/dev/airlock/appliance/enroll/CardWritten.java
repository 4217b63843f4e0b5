package dev.airlock.appliance.enroll;

import java.nio.file.Path;
import java.util.List;

/** A key card as written: the card file and its QR images, in frame order. */
public record CardWritten(Path card, List<Path> qrCodes) {
    public CardWritten {
        qrCodes = List.copyOf(qrCodes);
    }
}
