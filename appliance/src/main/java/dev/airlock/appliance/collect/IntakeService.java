package dev.airlock.appliance.collect;

import dev.airlock.appliance.apply.Apply;
import dev.airlock.appliance.apply.ResultRecorded;
import dev.airlock.appliance.audit.Actor;
import dev.airlock.appliance.devices.StickLayout;
import dev.airlock.appliance.inventory.CollectionOutcome;
import dev.airlock.appliance.inventory.InventoryService;
import dev.airlock.appliance.inventory.KnownAbsent;
import dev.airlock.appliance.store.Store;
import dev.airlock.appliance.store.Tx;
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
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * Takes collector record files into the record. Files are read ahead in groups (at most
 * {@value #READS_FILES} files or 8 MiB) whose digests are looked up in the register of taken-in
 * files at once; those not taken in before are parsed, then written {@value #BATCH_FILES} to a
 * transaction with a savepoint each, so memory stays bounded, a rejected file changes nothing (its
 * savepoint is undone) and the others still go in. Each batch looks the UUIDs, host names and IIDs
 * of all its records up together ({@link KnownAbsent}) before the first one is recorded. Outcomes
 * reach the listener in file order once their transaction committed.
 */
final class IntakeService {
    private static final int MAX_DEPTH = 32;
    /** Files per write transaction. */
    static final int BATCH_FILES = 200;
    /** Files read ahead and looked up in the register together, at most. */
    static final int READS_FILES = 200;
    /** Bytes read ahead at most (a record is a few KB; a file may be up to 1 MiB). */
    static final long READS_BYTES = 8L << 20;
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
     * only {@code AIRLOCK/collected} is read), reporting each file to {@code listener} in order,
     * once its batch committed.
     */
    IntakeSummary ingest(List<Path> paths, IntakeOptions options, Actor actor, IntakeListener listener) {
        Map<FileOutcome.Kind, Long> tally = new java.util.EnumMap<>(FileOutcome.Kind.class);
        Batch batch = new Batch(o -> {
            tally.merge(o.kind(), 1L, Long::sum);
            listener.fileDone(o);
        });
        Reads counting = new Reads(batch, options, actor);
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
                ingestFile(path, counting);
            }
        }
        counting.drain();
        batch.flush();
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

    private void walk(Path root, IntakeOptions options, Actor actor, Reads listener) {
        try {
            // a folder named on purpose may be a link to one; links inside it are still not followed
            Path start = Files.isSymbolicLink(root) ? root.toRealPath() : root;
            Files.walkFileTree(start, EnumSet.noneOf(java.nio.file.FileVisitOption.class), MAX_DEPTH,
                    new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                            candidate(file, attrs, options, actor, listener);
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

    private void candidate(Path file, BasicFileAttributes attrs, IntakeOptions options, Actor actor, Reads reads) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (attrs.isSymbolicLink()) {
            reads.fileDone(skipped(file, "symbolic link: not followed"));
        } else if (!attrs.isRegularFile()) {
            // a pipe, a socket or a device: never opened (opening a pipe waits for a writer forever)
            String why;
            try {
                why = OutsideFiles.notRegular(file).orElse("not a regular file");
            } catch (IOException e) {
                why = "not a regular file";
            }
            reads.fileDone(skipped(file, why));
        } else if (name.endsWith(".xml.tmp") || name.endsWith(".tmp")) {
            reads.fileDone(skipped(file, "unfinished collector output (temporary file): run the collector again on"
                    + " that machine"));
        } else if (!name.endsWith(".xml")) {
            reads.fileDone(skipped(file, "not a collector record (only .xml files are read)"));
        } else {
            ingestFile(file, reads);
        }
    }

    /** Reads one file and hands its bytes to {@code reads}. Never throws for bad content. */
    private static void ingestFile(Path file, Reads reads) {
        byte[] bytes;
        try {
            bytes = CollectorRecordReader.readFileBytes(file);
        } catch (MalformedRecordException e) {
            reads.fileDone(rejected(file, e.getMessage()));
            return;
        } catch (IOException e) {
            reads.fileDone(rejected(file, "cannot read: " + reason(e)));
            return;
        }
        reads.add(file, bytes, sha256(bytes));
    }

    /**
     * Parses one file that was not taken in before, then queues its writes in {@code batch}. Never
     * throws for bad content; store failures propagate.
     */
    private void parseAndQueue(Path file, byte[] bytes, String sha, IntakeOptions options, Actor actor,
            Batch batch) {
        if (ApplyResultReader.looksLikeResult(bytes) || inResultsFolder(file)) {
            ingestResult(file, bytes, sha, options, actor, batch);
        } else {
            ingestRecord(file, bytes, sha, options, actor, batch);
        }
    }

    /** UNCHANGED when a file with this digest was taken in before (earlier, or earlier in this batch). */
    private Optional<FileOutcome> seenBefore(Tx tx, Path file, String sha) {
        return repo.ingestedAt(tx, sha).map(at -> unchanged(file, at));
    }

    private static FileOutcome unchanged(Path file, java.time.Instant takenInAt) {
        return new FileOutcome(file, FileOutcome.Kind.UNCHANGED, "already taken in on " + takenInAt + "; "
                + RECOLLECT_HINT, OptionalLong.empty());
    }

    /**
     * A stage of intake that holds some files back: an outcome decided on the way passes straight on
     * to {@code next} unless files before it wait in {@code queue}, then it waits behind them, so
     * every outcome reaches the listener in file order.
     */
    private abstract static class InOrder implements IntakeListener {
        final List<Object> queue = new ArrayList<>();
        private final IntakeListener next;

        InOrder(IntakeListener next) {
            this.next = next;
        }

        @Override
        public void fileDone(FileOutcome outcome) {
            if (queue.isEmpty()) {
                next.fileDone(outcome);
            } else {
                queue.add(outcome);
            }
        }
    }

    /**
     * Files read and hashed, waiting to be looked up together (one read of the register for up to
     * {@value #READS_FILES} files or {@value #READS_BYTES} bytes) before those not taken in before
     * are parsed and queued in the batch: a stick seen before is answered "unchanged" without
     * parsing, and a new one costs one look-up per group of files instead of one per file. Outcomes
     * decided on the way (skipped, unreadable) wait behind the files before them, so the order holds.
     */
    private final class Reads extends InOrder {
        private final Batch batch;
        private final IntakeOptions options;
        private final Actor actor;
        private int reads;
        private long bytes;

        Reads(Batch batch, IntakeOptions options, Actor actor) {
            super(batch);
            this.batch = batch;
            this.options = options;
            this.actor = actor;
        }

        void add(Path file, byte[] content, String sha) {
            queue.add(new Read(file, content, sha));
            bytes += content.length;
            if (++reads >= READS_FILES || bytes >= READS_BYTES) {
                drain();
            }
        }

        /** Looks the waiting files up, then passes each on: unchanged, or parsed into the batch. */
        void drain() {
            List<Object> now = List.copyOf(queue);
            java.util.Set<String> shas = new java.util.HashSet<>();
            now.forEach(o -> {
                if (o instanceof Read r) {
                    shas.add(r.sha());
                }
            });
            java.util.Map<String, java.time.Instant> seen = shas.isEmpty() ? java.util.Map.of()
                    : store.read(tx -> repo.ingestedAt(tx, shas));
            queue.clear();
            reads = 0;
            bytes = 0;
            for (Object o : now) {
                if (o instanceof Read r) {
                    java.time.Instant at = seen.get(r.sha());
                    if (at != null) {
                        batch.fileDone(unchanged(r.file(), at));
                    } else {
                        parseAndQueue(r.file(), r.content(), r.sha(), options, actor, batch);
                    }
                } else {
                    batch.fileDone((FileOutcome) o);
                }
            }
        }
    }

    /** A file's bytes and digest, read but not yet looked up. */
    private record Read(Path file, byte[] content, String sha) {}

    private void ingestRecord(Path file, byte[] bytes, String sha, IntakeOptions options, Actor actor, Batch batch) {
        CollectorRecord record;
        try {
            record = reader.get().read(bytes);
        } catch (MalformedRecordException e) {
            batch.fileDone(rejected(file, e.getMessage()));
            return;
        }
        String source = file.getFileName().toString();
        batch.write(file, sha, Optional.of(record), (tx, absent) -> {
            CollectionOutcome outcome = inventory.recordCollection(tx, record, source, options.group(),
                    options.sameAs(), actor, absent);
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

    /** Takes in one apply result: its fresh collection, then the per-product outcomes, in one savepoint. */
    private void ingestResult(Path file, byte[] bytes, String sha, IntakeOptions options, Actor actor, Batch batch) {
        ApplyResult result;
        try {
            result = resultReader.get().read(bytes);
        } catch (MalformedRecordException e) {
            batch.fileDone(rejected(file, e.getMessage()));
            return;
        }
        String source = file.getFileName().toString();
        batch.write(file, sha, Optional.empty(), (tx, absent) -> {
            absent.forgetAll(); // the result's own collection and outcomes may add any machine or product
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

    /**
     * The outcomes of one intake in file order: those decided without writing pass straight on unless
     * queued writes come before them; queued writes run {@value #BATCH_FILES} to a transaction, each
     * file in its own savepoint (kept unless the file is rejected), and their outcomes pass on after
     * the commit. A store failure in one file undoes only that file: the files before it commit and
     * pass on, then the failure propagates.
     */
    private final class Batch extends InOrder {
        private final IntakeListener listener;
        /**
         * Digests of the writes queued in this intake: a second file with the same bytes finds the
         * first one's row (kept across batches: the look-up before parsing may have been made before
         * the first one's batch committed).
         */
        private final java.util.Set<String> shas = new java.util.HashSet<>();
        private int writes;

        Batch(IntakeListener listener) {
            super(listener);
            this.listener = listener;
        }

        /**
         * Queues one file's writes; {@code work} runs only when no file with {@code sha} was taken in
         * by then. {@code record}: the collector record it takes in, whose identifiers the batch
         * looks up together before any file's writes.
         */
        void write(Path file, String sha, Optional<CollectorRecord> record, BatchWork work) {
            queue.add(new Write(file, sha, !shas.add(sha), record, work));
            if (++writes == BATCH_FILES) {
                flush();
            }
        }

        /** Writes what is queued in one transaction and passes every queued outcome on, in order. */
        void flush() {
            if (writes == 0) {
                queue.forEach(o -> listener.fileDone((FileOutcome) o));
                queue.clear();
                return;
            }
            RuntimeException[] failure = new RuntimeException[1];
            FileOutcome[] written = new FileOutcome[queue.size()];
            store.execute(tx -> {
                KnownAbsent absent = inventory.absentAmong(tx, queue.stream()
                        .flatMap(o -> o instanceof Write w ? w.record().stream() : java.util.stream.Stream.empty())
                        .toList());
                for (int i = 0; i < queue.size(); i++) {
                    if (queue.get(i) instanceof Write w) {
                        try {
                            written[i] = tx.savepoint(t -> (w.again() ? seenBefore(t, w.file(), w.sha())
                                    : Optional.<FileOutcome>empty()).orElseGet(() -> w.work().apply(t, absent)),
                                    o -> o.kind() != FileOutcome.Kind.REJECTED);
                        } catch (RuntimeException e) {
                            failure[0] = e;
                            return;
                        }
                    }
                }
            });
            for (int i = 0; i < queue.size() && (failure[0] == null || written[i] != null
                    || !(queue.get(i) instanceof Write)); i++) {
                listener.fileDone(queue.get(i) instanceof Write ? written[i] : (FileOutcome) queue.get(i));
            }
            queue.clear();
            writes = 0;
            if (failure[0] != null) {
                throw failure[0];
            }
        }
    }

    /**
     * A parsed file whose writes wait for their batch's transaction; {@code again}: the same bytes are
     * queued before it (checked again in the transaction, where the first one's row is seen).
     */
    private record Write(Path file, String sha, boolean again, Optional<CollectorRecord> record, BatchWork work) {}

    /** One file's writes, in its batch's transaction, with what the batch found absent from the store. */
    @FunctionalInterface
    private interface BatchWork {
        FileOutcome apply(Tx tx, KnownAbsent absent);
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
