package dev.airlock.appliance.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Whole folder trees this process made for itself (temp folders), removed when done with. */
public final class FileTrees {
    private FileTrees() {}

    /**
     * Deletes {@code root} and everything under it, deepest first; what cannot be deleted (gone
     * already, or another process's) is left without a word: a leftover temp folder harms nothing.
     */
    public static void deleteQuietly(Path root) {
        try (Stream<Path> all = Files.walk(root)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // another process got there first, or it is not ours
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // gone already
        }
    }
}
