package dev.airlock.formats.qr;

/** A scanned string that is not a usable frame; carries the {@link ScanResult.Cause}. */
final class FrameRejected extends Exception {
    private static final long serialVersionUID = 1L;

    private final ScanResult.Cause cause;

    FrameRejected(ScanResult.Cause cause, String message) {
        super(message, null, false, false);
        this.cause = cause;
    }

    ScanResult.Rejected toResult() {
        return new ScanResult.Rejected(cause, getMessage());
    }
}
