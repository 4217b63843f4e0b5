package dev.airlock.appliance.support;

import java.nio.file.Path;
import java.util.Optional;

/** Another Airlock (a kiosk or a writing command) holds the data dir; the message says who and since when. */
public final class DataDirInUseException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Path dataDir;
    private final transient Optional<DataDirLock.Holder> holder;

    DataDirInUseException(Path dataDir, Optional<DataDirLock.Holder> holder, String message) {
        super(message);
        this.dataDir = dataDir;
        this.holder = holder;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Who holds it, when the lock file said (a holder that is just starting may not have written it yet). */
    public Optional<DataDirLock.Holder> holder() {
        return holder;
    }
}
