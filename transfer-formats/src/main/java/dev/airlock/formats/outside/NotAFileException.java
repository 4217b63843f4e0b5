package dev.airlock.formats.outside;

import java.nio.file.FileSystemException;

/** A path that is not a regular file (a link, a pipe, a socket, a device, a folder); its reason says which. */
public final class NotAFileException extends FileSystemException {
    private static final long serialVersionUID = 1L;

    public NotAFileException(String file, String reason) {
        super(file, null, reason);
    }

    @Override
    public String getMessage() {
        return getFile() + " " + getReason();
    }
}
