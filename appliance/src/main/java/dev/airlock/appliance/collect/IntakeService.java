package dev.airlock.appliance.collect;

import dev.airlock.appliance.apply.Apply;
import dev.airlock.appliance.apply.ResultRecorded;
import dev.airlock.appliance.audit.Actor;
import dev.airlock.appliance.devices.StickLayout;
import dev.airlock.appliance.inventory.CollectionOutcome;
import dev.airlock.appliance.inventory.InventoryService;
import dev.airlock.appliance.store.Store;
import dev.airlock.formats.kit.ApplyResult;
import dev.airlock.formats.kit.ApplyResultReader;
import dev.airlock.formats.kit.CollectorRecord;
import dev.airlock.formats.kit.CollectorRecordReader;
import dev.airlock.formats.kit.MalformedRecordException;
import dev.airlock.formats.outside.NotAFileException;
import dev.airlock.formats.outside.OutsideFiles;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * Takes collector record files into the record. Files are handled one at a time, each in its
 * own transaction, so memory stays bounded and a rejected file changes nothing.
 */
final class IntakeService {
    private static final int MAX_DEPTH = 32;
    /** What to do about an unchanged file, added to its outcome's message. */
    static final String RECOLLECT_HINT = "the same file again changes nothing: run Collect.cmd again at that"
            + " machine";

    private final Store store;
    private final InventoryService inventory;
    private final Supplier<CollectorRecordReader> reader;
    private final Supplier<ApplyResultReader> resultReader;
    private final Apply apply;
    private final Clock clock;
    private final IntakeRepository repo = new IntakeRepository();
    /** Files on sticks already found taken in: a home visit hashes only new or changed files. */
    private final dev.airlock.appliance.support.DoneFiles doneFiles = new dev.airlock.appliance.support.DoneFiles();

    /**
     * @param reader made on first use: compiling the XSD costs time that commands which take
     *               nothing in should not pay
     */
    IntakeService(Store store, InventoryService inventory, Apply apply, Supplier<CollectorRecordReader> reader,
            Clock clock) {
        this.store = store;
        this.inventory = inventory;
        this.reader = memoize(reader);
        this.resultReader = memoize(() -> new ApplyResultReader(this.reader.get()));
        this.apply = apply;
        this.clock = clock;
    }

    /**
     * Counts the complete {@code *.xml} files in {@code stickRoot}'s {@code AIRLOCK/collected} and
     * {@code AIRLOCK/results} whose content has not been taken in yet (by digest, as intake decides
     * "unchanged"), so a screen can say "12 new files" instead of counting old ones again. Files
     * larger than {@code maxBytes} count as new (intake will say what is wrong with them).
     */
    NewFiles countNew(Path stickRoot, long maxBytes) {
        // a folder that would lead off the stick is not looked into: intake says why when it is run
        return new NewFiles(StickLayout.offTheStick(stickRoot, StickLayout.Folder.COLLECTED).isPresent() ? 0
                : doneFiles.countNotDone(StickLayout.Folder.COLLECTED.on(stickRoot), f -> takenIn(f, maxBytes)),
                StickLayout.offTheStick(stickRoot, StickLayout.Folder.RESULTS).isPresent() ? 0
                        : doneFiles.countNotDone(StickLayout.Folder.RESULTS.on(stickRoot), f -> takenIn(f, maxBytes)));
    }

    /** Whether {@code f}'s content was taken in before (larger files are never read: not taken in). */
    private boolean takenIn(Path f, long maxBytes) {
        try {
            if (Files.size(f) > maxBytes) {
                return false;
            }
            String sha = sha256(OutsideFiles.readLimited(f, maxBytes));
            return store.read(tx -> repo.ingestedAt(tx, sha)).isPresent();
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Takes in every collector file under {@code paths} (files, folders, or stick roots, where
     * only {@code AIRLOCK/collected} is read), reporting each file to {@code listener} as it goes.
     */
    IntakeSummary ingest(List<Path> paths, IntakeOptions options, Actor actor, IntakeListener listener) {
        Map<FileOutcome.Kind, Long> tally = new java.util.EnumMap<>(FileOutcome.Kind.class);
        IntakeListener counting = o -> {
            tally.merge(o.kind(), 1L, Long::sum);
            listener.fileDone(o);
        };
        for (Path path : paths) {
            if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
                counting.fileDone(rejected(path, "no such file or folder"));
            } else if (Files.isDirectory(path)) {
                Path stick = StickLayout.Folder.COLLECTED.on(path);
                Path stickResults = StickLayout.Folder.RESULTS.on(path);
                if (!Files.isDirectory(stick) && !Files.isDirectory(stickResults)) {
                    walk(path, options, actor, counting);
                }
                // records first: a result's outcomes then land on products that are already known
                java.util.Set<Path> linksSeen = new java.util.HashSet<>();
                for (Path dir : List.of(stick, stickResults)) {
                    Optional<Path> link = linkOnTheStick(path, dir);
                    if (link.isPresent() && !linksSeen.add(link.get())) {
                        continue;
                    }
                    if (link.isPresent()) {
                        // a stick's folders are read as they are: a link could lead anywhere off the stick
                        counting.fileDone(skipped(link.get(), "a symbolic link: folders on a stick are not followed"
                                + " when they are links; put the files in the folder itself"));
                    } else if (Files.isDirectory(dir)) {
                        walk(dir, options, actor, counting);
                    }
                }
            } else {
                counting.fileDone(ingestFile(path, options, actor));
            }
        }
        return new IntakeSummary(tally);
    }

    /** {@code AIRLOCK} or its subfolder {@code dir} under {@code stick}, when one of them is a symbolic link. */
    private static Optional<Path> linkOnTheStick(Path stick, Path dir) {
        Path airlock = StickLayout.airlock(stick);
        if (Files.isSymbolicLink(airlock)) {
            return Optional.of(airlock);
        }
        return Files.isSymbolicLink(dir) ? Optional.of(dir) : Optional.empty();
    }

    private void walk(Path root, IntakeOptions options, Actor actor, IntakeListener listener) {
        try {
            // a folder named on purpose may be a link to one; links inside it are still not followed
            Path start = Files.isSymbolicLink(root) ? root.toRealPath() : root;
            Files.walkFileTree(start, EnumSet.noneOf(java.nio.file.FileVisitOption.class), MAX_DEPTH,
                    new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                            listener.fileDone(candidate(file, attrs, options, actor));
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path file, IOException e) {
                            listener.fileDone(rejected(file, "cannot read: " + reason(e)));
                            return FileVisitResult.CONTINUE;
                        }
                    });
        } catch (IOException e) {
            listener.fileDone(rejected(root, "cannot read the folder: " + reason(e)));
        }
    }

    private FileOutcome candidate(Path file, BasicFileAttributes attrs, IntakeOptions options, Actor actor) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (attrs.isSymbolicLink()) {
            return skipped(file, "symbolic link: not followed");
        }
        if (!attrs.isRegularFile()) {
            // a pipe, a socket or a device: never opened (opening a pipe waits for a writer forever)
            try {
                return skipped(file, OutsideFiles.notRegular(file).orElse("not a regular file"));
            } catch (IOException e) {
                return skipped(file, "not a regular file");
            }
        }
        if (name.endsWith(".xml.tmp") || name.endsWith(".tmp")) {
            return skipped(file, "unfinished collector output (temporary file): run the collector again on that machine");
        }
        if (!name.endsWith(".xml")) {
            return skipped(file, "not a collector record (only .xml files are read)");
        }
        return ingestFile(file, options, actor);
    }

    /** Takes in one file. Never throws for bad content; store failures propagate. */
    FileOutcome ingestFile(Path file, IntakeOptions options, Actor actor) {
        byte[] bytes;
        try {
            bytes = CollectorRecordReader.readFileBytes(file);
        } catch (MalformedRecordException e) {
            return rejected(file, e.getMessage());
        } catch (IOException e) {
            return rejected(file, "cannot read: " + reason(e));
        }
        String sha = sha256(bytes);
        Optional<java.time.Instant> seen = store.read(tx -> repo.ingestedAt(tx, sha));
        if (seen.isPresent()) {
            return new FileOutcome(file, FileOutcome.Kind.UNCHANGED, "already taken in on " + seen.get() + "; "
                    + RECOLLECT_HINT, OptionalLong.empty());
        }
        if (ApplyResultReader.looksLikeResult(bytes) || inResultsFolder(file)) {
            return ingestResult(file, bytes, sha, options, actor);
        }
        CollectorRecord record;
        try {
            record = reader.get().read(bytes);
        } catch (MalformedRecordException e) {
            return rejected(file, e.getMessage());
        }
        String source = file.getFileName().toString();
        return store.inTransaction(tx -> {
            CollectionOutcome outcome = inventory.recordCollection(tx, record, source, options.group(),
                    options.sameAs(), actor);
            FileOutcome result = describe(file, outcome);
            if (result.kind() != FileOutcome.Kind.REJECTED) {
                repo.insert(tx, sha, source, clock.instant(), result.machineId(), result.kind().label());
            }
            return result;
        });
    }

    /** A file under a folder named {@code results} (as on a stick): read as an apply result. */
    private static boolean inResultsFolder(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        return parent != null && parent.getFileName() != null
                && parent.getFileName().toString().equalsIgnoreCase(StickLayout.Folder.RESULTS.folderName());
    }

    /** Takes in one apply result: its fresh collection, then the per-product outcomes, in one transaction. */
    private FileOutcome ingestResult(Path file, byte[] bytes, String sha, IntakeOptions options, Actor actor) {
        ApplyResult result;
        try {
            result = resultReader.get().read(bytes);
        } catch (MalformedRecordException e) {
            return rejected(file, e.getMessage());
        }
        String source = file.getFileName().toString();
        return store.inTransaction(tx -> {
            ResultRecorded r = apply.recordResult(tx, result, source, options.group(), options.sameAs(),
                    actor);
            if (r instanceof ResultRecorded.Refused refused) {
                return rejected(file, "conflict: " + refused.message());
            }
            ResultRecorded.Done d = (ResultRecorded.Done) r;
            FileOutcome out = new FileOutcome(file, d.newMachine() ? FileOutcome.Kind.ACCEPTED
                    : FileOutcome.Kind.UPDATED, "apply result for " + d.hostName() + " (id " + d.machineId() + "): "
                    + d.counts() + "; "
                    + String.join("; ", d.lines()), OptionalLong.of(d.machineId()));
            repo.insert(tx, sha, source, clock.instant(), out.machineId(), out.kind().label());
            return out;
        });
    }

    private static FileOutcome describe(Path file, CollectionOutcome outcome) {
        if (outcome instanceof CollectionOutcome.Added a) {
            return new FileOutcome(file, FileOutcome.Kind.ACCEPTED, "new machine " + a.hostName() + " (id "
                    + a.machineId() + ") with " + a.products() + (a.products() == 1 ? " product" : " products")
                    + (a.notNeeded().isEmpty() ? "" : "; " + (a.notNeeded().size() == 1
                            ? "1 needs no CID and stays" : a.notNeeded().size() + " need no CID and stay")
                            + " out of export (" + String.join("; ", a.notNeeded()) + ")"),
                    OptionalLong.of(a.machineId()));
        }
        if (outcome instanceof CollectionOutcome.Updated u) {
            return new FileOutcome(file, FileOutcome.Kind.UPDATED, u.hostName() + " (id " + u.machineId() + "): "
                    + String.join("; ", u.changes()), OptionalLong.of(u.machineId()));
        }
        if (outcome instanceof CollectionOutcome.Unchanged n) {
            return new FileOutcome(file, FileOutcome.Kind.UNCHANGED, n.hostName() + " (id " + n.machineId() + "): "
                    + n.why() + "; " + RECOLLECT_HINT, OptionalLong.of(n.machineId()));
        }
        CollectionOutcome.Conflict c = (CollectionOutcome.Conflict) outcome;
        return new FileOutcome(file, FileOutcome.Kind.REJECTED, "conflict: " + c.message(), OptionalLong.empty(),
                c.sameAs());
    }

    private static FileOutcome rejected(Path file, String message) {
        return new FileOutcome(file, FileOutcome.Kind.REJECTED, message, OptionalLong.empty());
    }

    private static FileOutcome skipped(Path file, String message) {
        return new FileOutcome(file, FileOutcome.Kind.SKIPPED, message, OptionalLong.empty());
    }

    private static String reason(IOException e) {
        if (e instanceof NotAFileException n) {
            return n.getReason();
        }
        if (e instanceof FileSystemLoopException) {
            return "folder loop (a link points back up the tree)";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "it disappeared while reading (stick removed?)";
        }
        return e.getMessage() == null ? "the system gave no reason" : e.getMessage();
    }

    private static <T> Supplier<T> memoize(Supplier<T> supplier) {
        return new Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) {
                    value = supplier.get();
                }
                return value;
            }
        };
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
