package dev.airlock.appliance.backup;

import dev.airlock.appliance.store.Store;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/** The file moves of backup and restore: free names, atomic moves, folder syncs, putting a restored store in place. */
final class BackupFiles {
    private static final String[] STORE_FILES = {Store.FILE_NAME, Store.FILE_NAME + "-wal", Store.FILE_NAME + "-shm",
        Store.FILE_NAME + "-journal"};

    private BackupFiles() {
    }

    /** Moves any old store files aside, then the restored one in; puts the old ones back if that fails. */
    static void putInPlace(Path staging, Path dir, Optional<Path> aside) throws IOException {
        List<String> movedAside = new ArrayList<>();
        if (aside.isPresent()) {
            Files.createDirectory(aside.get());
            for (String name : STORE_FILES) {
                if (Files.exists(dir.resolve(name))) {
                    move(dir.resolve(name), aside.get().resolve(name));
                    movedAside.add(name);
                }
            }
            syncDirectory(aside.get());
        } else if (Store.exists(dir)) {
            throw new IOException("a data store appeared in " + dir + " during the restore; nothing was restored");
        }
        try {
            for (String name : STORE_FILES) {
                if (Files.exists(staging.resolve(name))) {
                    move(staging.resolve(name), dir.resolve(name));
                }
            }
            syncDirectory(dir);
        } catch (IOException e) {
            for (String name : movedAside) {
                Files.move(aside.orElseThrow().resolve(name), dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            }
            throw e;
        }
    }

    static Path freeName(Path dir, String base, String extension) {
        Path candidate = dir.resolve(base + extension);
        for (int n = 2; Files.exists(candidate); n++) {
            candidate = dir.resolve(base + "-" + n + extension);
        }
        return candidate;
    }

    static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Some file systems (vfat through FUSE) cannot fsync a folder; the file itself was synced.
        }
    }

    static void deleteStoreFiles(Path db) throws IOException {
        for (String suffix : new String[] {"", "-journal", "-wal", "-shm"}) {
            Files.deleteIfExists(db.resolveSibling(db.getFileName() + suffix));
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                Files.deleteIfExists(p);
            }
        }
        Files.deleteIfExists(dir);
    }

    static String hex(int bytes) {
        byte[] b = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
