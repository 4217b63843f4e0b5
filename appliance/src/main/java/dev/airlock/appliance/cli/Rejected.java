package dev.airlock.appliance.cli;

/** The command refused its input; the message says why and what to do. Exit code 1. */
final class Rejected extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Rejected(String message) {
        super(message);
    }
}
