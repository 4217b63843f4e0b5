package dev.airlock.appliance.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Counts the {@code *.xml} files in a stick folder that still need work ("not taken in yet", "not
 * merged yet"), remembering each file found done by its path, size and modification time. Screens
 * ask on every visit and every stick event; only new or changed files are read again. A file once
 * done stays done (taken in, merged), so the memory never has to forget for correctness; it is
 * emptied when it grows past a bound.
 */
public final class DoneFiles {
    private static final int CAPACITY = 200_000;

    private record Key(Path file, long size, long modified) {}

    private final Set<Key> done = ConcurrentHashMap.newKeySet();

    /**
     * How many complete {@code *.xml} files in {@code dir} (not dot files, not temp names) are not
     * done by {@code isDone}; 0 when the folder is missing or unreadable. A check that throws
     * counts the file as not done (the real run will say what is wrong with it).
     */
    public int countNotDone(Path dir, Predicate<Path> isDone) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        int notDone = 0;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                String name = f.getFileName().toString();
                if (name.startsWith(".") || !name.toLowerCase(Locale.ROOT).endsWith(".xml")) {
                    continue;
                }
                BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class,
                        java.nio.file.LinkOption.NOFOLLOW_LINKS);
                if (!a.isRegularFile()) {
                    continue;
                }
                Key key = new Key(f.toAbsolutePath(), a.size(), a.lastModifiedTime().toMillis());
                if (done.contains(key)) {
                    continue;
                }
                boolean isDoneNow;
                try {
                    isDoneNow = isDone.test(f);
                } catch (RuntimeException e) {
                    isDoneNow = false;
                }
                if (isDoneNow) {
                    if (done.size() >= CAPACITY) {
                        done.clear();
                    }
                    done.add(key);
                } else {
                    notDone++;
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return notDone;
    }
}
