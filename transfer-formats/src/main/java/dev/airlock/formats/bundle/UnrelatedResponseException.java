package dev.airlock.formats.bundle;

/** A well-formed response that does not answer the request it is checked against. */
public final class UnrelatedResponseException extends MalformedBundleException {
    private static final long serialVersionUID = 1L;

    public UnrelatedResponseException(String message) {
        super(message);
    }
}
