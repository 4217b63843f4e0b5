package dev.airlock.appliance.cli;

/** The CLI's exit codes. */
final class ExitCodes {
    static final int OK = 0;
    static final int REJECTED = 1;
    static final int USAGE = 2;
    static final int INTERNAL = 3;

    private ExitCodes() {}
}
