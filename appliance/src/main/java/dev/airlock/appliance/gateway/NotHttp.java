package dev.airlock.appliance.gateway;

import java.io.IOException;

/** The answer broke HTTP's rules. */
final class NotHttp extends IOException {
    private static final long serialVersionUID = 1L;

    NotHttp(String message) {
        super(message);
    }
}
