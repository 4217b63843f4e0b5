package dev.airlock.appliance.audit;

import dev.airlock.appliance.store.Store;
import dev.airlock.appliance.store.Times;
import dev.airlock.appliance.store.Tx;
import dev.airlock.formats.outside.OutsideText;
import dev.airlock.formats.signature.PublicKey;
import dev.airlock.formats.signature.Signer;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/** Appends to and checks the hash-chained audit log. */
public final class AuditService {
    /** The action of the row that announces a signed head (the head ends in that row). */
    public static final String SIGN_ACTION = "audit.sign";
    private final Store store;
    private final Clock clock;
    private final AuditRepository repo = new AuditRepository();

    public AuditService(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Records {@code event} as one row inside the caller's transaction, so the action and its record land together. */
    public AuditEntry record(Tx tx, Actor actor, AuditEvent event) {
        AuditEvent.Row row = event.row();
        return append(tx, actor, row.action(), row.subject(), row.details());
    }

    /**
     * Appends one row: the string form, private so that no flow builds an action, subject and details by hand.
     *
     * @param rawSubject what was acted on, e.g. {@code machine 12} or {@code product 40}
     */
    private AuditEntry append(Tx tx, Actor actor, String action, String rawSubject, String rawDetails) {
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

    /** Walks the whole chain and reports the first row that was edited, deleted or moved (the chain alone). */
    public ChainReport verify() {
        return store.read(tx -> {
            Walker w = new Walker(new TreeMap<>(), Optional.empty(), false);
            repo.forEach(tx, w::accept);
            if (w.broken != null) {
                return w.broken;
            }
            return endOfLog(tx, w);
        });
    }

    /**
     * Checks the chain and every signed head: each head's signature against {@code key} (the
     * appliance's own public key; empty when it has none), each head's row hash against the row it
     * covers, and that every {@code audit.sign} row still has its head. A chain recomputed after an
     * edit is tampered; rows after the newest head are reported as not yet signed.
     */
    public AuditReport verifySigned(Optional<PublicKey> key) {
        return store.read(tx -> {
            TreeMap<Long, AuditRepository.StoredHead> heads = new TreeMap<>();
            for (AuditRepository.StoredHead h : repo.signedHeads(tx)) {
                heads.put(h.rows(), h);
            }
            Walker w = new Walker(heads, key, true);
            repo.forEach(tx, w::accept);
            if (w.broken != null) {
                return new AuditReport.Tampered(w.broken.seq(), w.broken.reason(), w.provenBy);
            }
            // signed heads beyond the log's end: rows were cut off after they were signed
            Map.Entry<Long, AuditRepository.StoredHead> beyond = heads.higherEntry(w.lastSeq);
            if (beyond != null) {
                AuditRepository.StoredHead h = beyond.getValue();
                Optional<String> bad = HeadSignatures.problem(h, key);
                if (bad.isPresent()) {
                    return new AuditReport.Tampered(h.rows(), bad.get(), h.head());
                }
                return new AuditReport.Tampered(w.lastSeq + 1, "rows " + (w.lastSeq + 1) + " to " + h.rows()
                        + " are missing: the log ends at row " + w.lastSeq + ", but " + HeadSignatures.named(h.head().get())
                        + " covers " + h.rows() + " rows", h.head());
            }
            ChainReport end = endOfLog(tx, w);
            if (end instanceof ChainReport.Broken b) {
                return new AuditReport.Tampered(b.seq(), b.reason(), Optional.empty());
            }
            Optional<SignedHead> last = heads.isEmpty() ? Optional.empty() : heads.lastEntry().getValue().head();
            return new AuditReport.Intact(w.lastSeq, last, heads.size(),
                    key.map(k -> k.fingerprint().digits()));
        });
    }

    /**
     * Signs the log's head with the appliance's own key ({@code signer} for {@code key}), in one
     * transaction: appends an {@code audit.sign} row, then signs the head that ends in that row.
     */
    public SignedHead signHead(Actor actor, PublicKey key, Signer signer) {
        return store.inTransaction(tx -> signHead(tx, actor, key, signer));
    }

    /**
     * As {@link #signHead}, unless the newest row is already under a signed head (nothing new to
     * sign): then nothing is written and the result is empty.
     */
    public Optional<SignedHead> signHeadIfUnsigned(Actor actor, PublicKey key, Signer signer) {
        return store.inTransaction(tx -> {
            Optional<AuditRepository.Head> head = repo.head(tx);
            Optional<SignedHead> last = repo.lastSignedHead(tx);
            if (head.isPresent() && last.isPresent() && last.get().rows() == head.get().seq()) {
                return Optional.<SignedHead>empty();
            }
            return Optional.of(signHead(tx, actor, key, signer));
        });
    }

    /** The newest signed head, if any was made. */
    public Optional<SignedHead> lastSignedHead() {
        return store.read(repo::lastSignedHead);
    }

    private SignedHead signHead(Tx tx, Actor actor, PublicKey key, Signer signer) {
        long rows = repo.head(tx).map(AuditRepository.Head::seq).orElse(0L) + 1;
        AuditEntry row = record(tx, actor, new HeadSigned(rows, key.fingerprint()));
        byte[] signature = signer.sign(SignedHead.message(key.id(), row.seq(), row.hash(), row.at()));
        SignedHead head = new SignedHead(row.seq(), row.hash(), row.at(), key.fingerprint().digits(), signature);
        repo.insertSignedHead(tx, head);
        return head;
    }

    /** The checks at the log's end: the recorded head (newest rows deleted?) and an emptied log. */
    private ChainReport endOfLog(Tx tx, Walker w) {
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
    }

    /** Checks rows one by one (and the signed heads that end at them), remembering the first break. */
    private static final class Walker {
        private final NavigableMap<Long, AuditRepository.StoredHead> heads;
        private final Optional<PublicKey> key;
        private final boolean signed;
        long lastSeq;
        String lastHash = AuditChain.GENESIS;
        /** The newest head that matched so far (0 for none): an edit proven by a later head lies after it. */
        long lastProven;
        ChainReport.Broken broken;
        Optional<SignedHead> provenBy = Optional.empty();

        /** {@code signed}: also check the signed heads and the {@code audit.sign} rows that announce them. */
        Walker(NavigableMap<Long, AuditRepository.StoredHead> heads, Optional<PublicKey> key, boolean signed) {
            this.heads = heads;
            this.key = key;
            this.signed = signed;
        }

        void accept(AuditRepository.RawRow r) {
            if (broken != null) {
                return;
            }
            long expected = lastSeq + 1;
            if (r.seq() != expected) {
                breakAt(expected, r.seq() > expected
                        ? "row " + expected + (r.seq() - expected > 1 ? " to " + (r.seq() - 1) : "")
                                + " deleted: the log jumps from row " + lastSeq + " to row " + r.seq()
                        : "row " + r.seq() + " appears twice or out of order");
                return;
            }
            String recomputed = AuditChain.hash(r.seq(), r.at(), r.operator(), r.action(), r.subject(), r.details(),
                    r.prevHash());
            if (!recomputed.equals(r.hash())) {
                breakAt(r.seq(), "row " + r.seq() + " was edited or moved: its contents do not match its hash");
                return;
            }
            if (!r.prevHash().equals(lastHash)) {
                breakAt(r.seq(), "row " + r.seq() + " does not follow row " + lastSeq
                        + ": rows before it were deleted, replaced or reordered");
                return;
            }
            lastSeq = r.seq();
            lastHash = r.hash();
            if (signed) {
                checkSigned(r);
            }
        }

        /** The signed head ending at this row (if any) must check out and name this row's hash. */
        private void checkSigned(AuditRepository.RawRow r) {
            AuditRepository.StoredHead stored = heads.get(r.seq());
            if (stored == null) {
                if (SIGN_ACTION.equals(r.action())) {
                    breakAt(r.seq(), "row " + r.seq() + " records that the log's head was signed, but that signed"
                            + " head is gone: signed heads were deleted from the database");
                }
                return;
            }
            Optional<String> bad = HeadSignatures.problem(stored, key);
            if (bad.isPresent()) {
                broken = new ChainReport.Broken(r.seq(), bad.get());
                provenBy = stored.head();
                return;
            }
            SignedHead head = stored.head().get();
            if (!head.lastHash().equals(r.hash())) {
                String range = lastProven + 1 == r.seq() ? "row " + r.seq()
                        : "one of rows " + (lastProven + 1) + " to " + r.seq();
                broken = new ChainReport.Broken(r.seq(), "row " + r.seq() + " no longer matches "
                        + HeadSignatures.named(head) + ": " + range + " was changed, deleted or inserted and every"
                        + " hash after it recomputed");
                provenBy = stored.head();
                return;
            }
            lastProven = r.seq();
        }

        private void breakAt(long seq, String reason) {
            broken = new ChainReport.Broken(seq, reason);
            Map.Entry<Long, AuditRepository.StoredHead> covering = heads.ceilingEntry(seq);
            provenBy = covering == null ? Optional.empty() : covering.getValue().head();
        }
    }
}
