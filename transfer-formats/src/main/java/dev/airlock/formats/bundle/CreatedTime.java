package dev.airlock.formats.bundle;

import java.time.Instant;

/** The range of a bundle's or card's created time: whole seconds from 1970 to the end of 9999. */
final class CreatedTime {
    /** 9999-12-31T23:59:59Z: created times beyond this are refused. */
    static final long MAX_EPOCH_SECOND = 253_402_300_799L;

    private CreatedTime() {}

    static void check(Instant created) {
        if (created.getEpochSecond() < 0 || created.getEpochSecond() > MAX_EPOCH_SECOND) {
            throw new IllegalArgumentException("created time " + created + " is outside 1970..9999");
        }
    }
}
