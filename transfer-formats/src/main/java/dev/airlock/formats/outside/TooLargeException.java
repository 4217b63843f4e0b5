package dev.airlock.formats.outside;

import java.nio.file.FileSystemException;

/** A file larger than the format it should hold allows; refused before it is read. */
public final class TooLargeException extends FileSystemException {
    private static final long serialVersionUID = 1L;
    private final long size;
    private final long maxBytes;

    public TooLargeException(String file, long size, long maxBytes) {
        super(file, null, "is too large (" + size + " bytes, at most " + maxBytes + " allowed)");
        this.size = size;
        this.maxBytes = maxBytes;
    }

    public long size() {
        return size;
    }

    public long maxBytes() {
        return maxBytes;
    }

    @Override
    public String getMessage() {
        return getFile() + " " + getReason();
    }
}
