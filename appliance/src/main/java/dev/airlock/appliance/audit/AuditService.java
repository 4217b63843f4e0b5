package dev.airlock.appliance.audit;

import dev.airlock.appliance.store.Store;
import dev.airlock.appliance.store.Times;
import dev.airlock.appliance.store.Tx;
import dev.airlock.formats.outside.OutsideText;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Appends to and checks the hash-chained audit log. */
public final class AuditService {
    private final Store store;
    private final Clock clock;
    private final AuditRepository repo = new AuditRepository();

    public AuditService(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * Appends one row inside the caller's transaction, so the action and its record land together.
     *
     * @param rawSubject what was acted on, e.g. {@code machine 12} or {@code product 40}
     */
    public AuditEntry append(Tx tx, Actor actor, String action, String rawSubject, String rawDetails) {
        // outside text (host names, file names, labels) lands in the log as one line, never as layout
        String subject = OutsideText.shown(rawSubject);
        String details = OutsideText.shown(rawDetails);
        Optional<AuditRepository.Head> head = repo.head(tx);
        long seq = head.map(h -> h.seq() + 1).orElse(1L);
        String prev = head.map(AuditRepository.Head::hash).orElse(AuditChain.GENESIS);
        Instant at = clock.instant();
        String hash = AuditChain.hash(seq, Times.format(at), actor.name(), action, subject, details, prev);
        AuditEntry entry = new AuditEntry(seq, Times.parse(Times.format(at)), actor.name(), action, subject, details,
                prev, hash);
        repo.insert(tx, entry);
        return entry;
    }

    /** The newest {@code limit} rows, newest first; {@code subject} "" for all, else rows about that subject. */
    public List<AuditEntry> recent(int limit, String subject) {
        return store.read(tx -> repo.recent(tx, limit, subject));
    }

    /** The newest {@code limit} rows about any of {@code subjects} (e.g. "machine 3", "product 7"), newest first. */
    public List<AuditEntry> about(List<String> subjects, int limit) {
        if (subjects.isEmpty()) {
            return List.of();
        }
        return store.read(tx -> repo.about(tx, subjects, limit));
    }

    /** Walks the whole chain and reports the first row that was edited, deleted or moved. */
    public ChainReport verify() {
        return store.read(tx -> {
            Walker w = new Walker();
            repo.forEach(tx, w::accept);
            if (w.broken != null) {
                return w.broken;
            }
            Optional<AuditRepository.Head> head = repo.head(tx);
            if (head.isPresent()) {
                AuditRepository.Head h = head.get();
                if (h.seq() > w.lastSeq) {
                    return new ChainReport.Broken(w.lastSeq + 1, "rows " + (w.lastSeq + 1) + " to " + h.seq()
                            + " are missing: the log ends at row " + w.lastSeq + " but was written up to row "
                            + h.seq());
                }
                if (h.seq() != w.lastSeq || !h.hash().equals(w.lastHash)) {
                    return new ChainReport.Broken(w.lastSeq, "row " + w.lastSeq
                            + " does not match the recorded end of the log (rows were added or changed outside Airlock)");
                }
            } else if (w.lastSeq > 0) {
                return new ChainReport.Broken(1, "the log's recorded end is missing (changed outside Airlock)");
            } else if (repo.applianceIsSetUp(tx)) {
                return new ChainReport.Broken(1, "the log is empty although the appliance was set up: every row"
                        + " was deleted");
            }
            return new ChainReport.Intact(w.lastSeq);
        });
    }

    /** Checks rows one by one, remembering the first break. */
    private static final class Walker {
        long lastSeq;
        String lastHash = AuditChain.GENESIS;
        ChainReport.Broken broken;

        void accept(AuditRepository.RawRow r) {
            if (broken != null) {
                return;
            }
            long expected = lastSeq + 1;
            if (r.seq() != expected) {
                broken = new ChainReport.Broken(expected, r.seq() > expected
                        ? "row " + expected + (r.seq() - expected > 1 ? " to " + (r.seq() - 1) : "")
                                + " deleted: the log jumps from row " + lastSeq + " to row " + r.seq()
                        : "row " + r.seq() + " appears twice or out of order");
                return;
            }
            String recomputed = AuditChain.hash(r.seq(), r.at(), r.operator(), r.action(), r.subject(), r.details(),
                    r.prevHash());
            if (!recomputed.equals(r.hash())) {
                broken = new ChainReport.Broken(r.seq(), "row " + r.seq() + " was edited or moved: its contents do not"
                        + " match its hash");
                return;
            }
            if (!r.prevHash().equals(lastHash)) {
                broken = new ChainReport.Broken(r.seq(), "row " + r.seq() + " does not follow row " + lastSeq
                        + ": rows before it were deleted, replaced or reordered");
                return;
            }
            lastSeq = r.seq();
            lastHash = r.hash();
        }
    }
}
