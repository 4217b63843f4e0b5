package dev.airlock.appliance.apply;

import java.nio.file.Path;
import java.util.List;

/** What writing the activation kit did, for the operator: the files, and stale ones removed. */
public record KitWritten(Path kitDir, List<Path> files, int machines, int products, int reusedCids,
        List<Path> removed) {
    public KitWritten {
        files = List.copyOf(files);
        removed = List.copyOf(removed);
    }
}
