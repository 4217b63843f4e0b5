package dev.airlock.appliance.update;

/**
 * An update was refused, or could not be staged or started. The message says what is wrong and
 * what the supervisor can do; {@link #problem()} says which kind of fault it is.
 */
public final class UpdateException extends Exception {
    private static final long serialVersionUID = 1L;

    /** What went wrong. */
    public enum Problem {
        /** The running system is no appliance image (no IMAGE_VERSION in os-release). */
        NOT_AN_APPLIANCE,
        /** The release key built into the image is missing or unreadable. */
        NO_RELEASE_KEY,
        /** The manifest is not a well-formed airlock-update-1 file. */
        MALFORMED,
        /** The signature is missing, damaged, or not made by the release key. */
        BAD_SIGNATURE,
        /** The image file the manifest names is not beside it. */
        IMAGE_MISSING,
        /** The image's size differs from the signed size. */
        SIZE_MISMATCH,
        /** The image's SHA-256 differs from the signed one. */
        DIGEST_MISMATCH,
        /** The update is not newer than the running version, and no supervisor chose to install it anyway. */
        NOT_NEWER,
        /** The stick could not be read (pulled out, or failing). */
        STICK_UNREADABLE,
        /** The data partition has no room for the image. */
        NO_ROOM,
        /** Writing the copy into the data partition failed, or the copy does not match. */
        COPY_FAILED,
        /** Another update is being staged, or is waiting to be written. */
        BUSY,
        /** There is no update ready to restart into. */
        NOT_READY,
        /** The restart could not be asked for. */
        RESTART_FAILED
    }

    private final Problem problem;

    public UpdateException(Problem problem, String message) {
        super(message);
        this.problem = problem;
    }

    public UpdateException(Problem problem, String message, Throwable cause) {
        super(message, cause);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
