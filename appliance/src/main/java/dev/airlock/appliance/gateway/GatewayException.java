package dev.airlock.appliance.gateway;

/** The gateway refused or could not finish: the message says what was wrong and what to do. */
public class GatewayException extends Exception {
    private static final long serialVersionUID = 1L;

    public GatewayException(String message) {
        super(message);
    }

    public GatewayException(String message, Throwable cause) {
        super(message, cause);
    }
}
