package dev.airlock.appliance.collect;

import java.nio.file.Path;
import java.util.List;

/**
 * The collector kit as written, for the operator; {@code removedKey}: an earlier kit's key file was
 * deleted (the kit was written again without a key).
 */
public record CollectorKitWritten(Path kitDir, Path collectedDir, List<Path> files, boolean holdsKey,
        boolean removedKey) {
    public CollectorKitWritten {
        files = List.copyOf(files);
    }
}
