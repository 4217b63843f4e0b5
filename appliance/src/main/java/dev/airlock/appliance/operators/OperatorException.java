package dev.airlock.appliance.operators;

/** An operator request was refused (bad PIN or name, unknown operator, last supervisor); the message says what to do. */
public final class OperatorException extends Exception {
    private static final long serialVersionUID = 1L;

    public OperatorException(String message) {
        super(message);
    }
}
