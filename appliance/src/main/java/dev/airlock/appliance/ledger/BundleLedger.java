package dev.airlock.appliance.ledger;

import dev.airlock.appliance.store.Store;
import dev.airlock.appliance.store.Tx;
import dev.airlock.formats.bundle.BundleId;
import dev.airlock.formats.bundle.MalformedBundleException;
import dev.airlock.formats.bundle.Reference;
import dev.airlock.formats.bundle.RequestBundle;
import dev.airlock.formats.bundle.SignedBundle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** What went out (requests and their reference maps) and what came back (merged responses). */
public final class BundleLedger {
    private final Store store;
    private final LedgerRepository repo = new LedgerRepository();

    public BundleLedger(Store store) {
        this.store = store;
    }

    /** One reference of a request: the product it stands for, and whether an answer for it was merged. */
    public record ReferenceEntry(long productId, boolean answered) {}

    /** Every outbound and inbound bundle, oldest first. */
    public record Listing(List<OutboundBundle> outbound, List<InboundBundle> inbound) {
        /** What is still out: requests not wholly answered, their open records, since the oldest of them. */
        public Outstanding outstanding() {
            int requests = 0;
            long records = 0;
            java.time.Instant since = null;
            for (OutboundBundle b : outbound) {
                if (b.state() != OutboundBundle.State.ANSWERED) {
                    requests++;
                    records += b.open();
                    since = since == null || b.created().isBefore(since) ? b.created() : since;
                }
            }
            return new Outstanding(requests, records, Optional.ofNullable(since));
        }
    }

    /**
     * Requests still out (written or partly answered), the records of them without an answer, and
     * when the oldest of them was written (empty when none is out).
     */
    public record Outstanding(int requests, long records, Optional<java.time.Instant> since) {}

    /** What is still out now. */
    public Outstanding outstanding() {
        return list().outstanding();
    }

    /**
     * Records a request written to a stick, with its lab-side reference map, inside the caller's
     * transaction (the one that marks its products EXPORTED).
     */
    public OutboundBundle recordOutbound(Tx tx, SignedBundle request, String fileName, Map<Reference, Long> productIds,
            String exportedBy) {
        RequestBundle r;
        try {
            r = request.request();
        } catch (MalformedBundleException e) {
            throw new IllegalArgumentException("not a request bundle: " + e.getMessage(), e);
        }
        OutboundBundle b = new OutboundBundle(r.id().toString(), hex(request.digest()), r.created(), fileName,
                productIds.size(), 0, OutboundBundle.State.WRITTEN, exportedBy);
        repo.insertOutbound(tx, b, request.envelope());
        Map<Integer, Long> refs = new HashMap<>(productIds.size() * 2);
        productIds.forEach((ref, id) -> refs.put(ref.value(), id));
        repo.insertReferences(tx, b.id(), refs);
        return b;
    }

    /** A request this lab wrote, by its id. */
    public Optional<OutboundBundle> outbound(Tx tx, BundleId requestId) {
        return repo.outbound(tx, requestId.toString());
    }

    /** Whether a request with this envelope digest (SHA-256) is in the ledger. */
    public boolean holdsOutbound(Tx tx, byte[] digest) {
        return repo.hasOutboundDigest(tx, hex(digest));
    }

    /** The file names the requests in the ledger were written under. */
    public Set<String> outboundFileNames(Tx tx) {
        return repo.outboundFileNames(tx);
    }

    /** The request exactly as it went out (its envelope parsed again). */
    public Optional<SignedBundle> request(Tx tx, BundleId requestId) {
        return repo.envelope(tx, requestId.toString()).map(env -> {
            try {
                return SignedBundle.parse(env);
            } catch (MalformedBundleException e) {
                throw new IllegalStateException("the stored request " + requestId.shortId() + " no longer parses: "
                        + e.getMessage(), e);
            }
        });
    }

    /** The lab-side map of a request: reference → product and whether it was answered. */
    public Map<Reference, ReferenceEntry> references(Tx tx, BundleId requestId) {
        Map<Integer, long[]> raw = repo.references(tx, requestId.toString());
        Map<Reference, ReferenceEntry> out = new HashMap<>(raw.size() * 2);
        raw.forEach((ref, v) -> out.put(new Reference(ref), new ReferenceEntry(v[0], v[1] != 0)));
        return out;
    }

    /** The merged response with this id or this envelope digest, if any. */
    public Optional<InboundBundle> merged(Tx tx, BundleId responseId, byte[] digest) {
        return repo.inbound(tx, responseId.toString(), hex(digest));
    }

    /**
     * Records a merged response inside the merge's transaction, marks {@code newlyAnswered}
     * references of its request as answered and moves the request's state on.
     */
    public void recordInbound(Tx tx, InboundBundle inbound, List<Reference> newlyAnswered) {
        repo.insertInbound(tx, inbound);
        if (!newlyAnswered.isEmpty()) {
            List<Integer> refs = new ArrayList<>(newlyAnswered.size());
            newlyAnswered.forEach(r -> refs.add(r.value()));
            repo.markAnswered(tx, inbound.requestId(), refs, inbound.id());
        }
        OutboundBundle out = repo.outbound(tx, inbound.requestId()).orElseThrow(() -> new IllegalStateException(
                "request " + inbound.requestId() + " is not in the ledger"));
        int answered = Math.min(out.records(), out.answered() + newlyAnswered.size());
        OutboundBundle.State state = answered >= out.records() ? OutboundBundle.State.ANSWERED
                : answered > 0 ? OutboundBundle.State.PARTLY_ANSWERED : out.state();
        repo.updateOutboundState(tx, out.id(), answered, state);
    }

    /** Every bundle in the ledger. */
    public Listing list() {
        return store.read(tx -> new Listing(repo.outboundAll(tx), repo.inboundAll(tx)));
    }

    /** Lower-case hex. */
    public static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
