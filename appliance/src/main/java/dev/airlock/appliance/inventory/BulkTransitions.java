package dev.airlock.appliance.inventory;

import dev.airlock.appliance.audit.Actor;
import dev.airlock.appliance.audit.AuditEvent;
import dev.airlock.appliance.audit.AuditService;
import dev.airlock.appliance.store.Tx;
import dev.airlock.formats.ids.ConfirmationId;
import dev.airlock.formats.ids.InstallationId;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The bulk form of {@link InventoryService#transition}: moves many products through the same
 * {@link ProductStateMachine} inside the caller's transaction, set-based, for export and merge of
 * whole bundles: the changes go into a temp table and move with one {@code UPDATE … FROM} that
 * joins the state machine's table of legal moves (a list that moves one product twice goes one
 * change after another instead). A change the state machine
 * does not allow, or one about an IID the product no longer has, is skipped and reported, never
 * thrown. The audit log gets one row per event and batch (what, how many, why) rather than one
 * per product; the products' own state detail and the bundle ledger say which ones.
 */
public final class BulkTransitions {
    private final AuditService audit;
    private final Clock clock;
    private final BulkStateRepository repo = new BulkStateRepository();

    public BulkTransitions(AuditService audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * One product to move.
     *
     * @param iid    the IID (bare digits) the event is about: skipped when the product's IID differs
     *               (it was re-collected with a new key or hardware since)
     * @param detail the state detail to store, e.g. the explained error of a rejection
     */
    public record Change(long productId, InstallationId iid, ProductEvent event, StateDetail detail,
            Optional<ConfirmationId> cid) {
        public Change {
            detail = detail == null ? StateDetail.none() : detail;
        }
    }

    /** Why a change was not made. */
    public enum SkipReason {
        /** No such product (deleted since). */
        GONE,
        /** The product has another IID now: the event was about an earlier installation. */
        IID_CHANGED,
        /** The state machine does not allow the event in the product's state. */
        NOT_ALLOWED
    }

    /** A change that was not made, with the product's state at the time. */
    public record Skipped(Change change, SkipReason reason, Optional<ProductState> state) {}

    /** What happened: the changes made and the ones skipped, in input order. */
    public record Result(List<Change> moved, List<Skipped> skipped) {}

    /** The caller's audit event for a batch: one per product event, with how many products it moved. */
    @FunctionalInterface
    public interface BatchEvents {
        AuditEvent moved(ProductEvent event, int products);
    }

    /**
     * Applies {@code changes} inside {@code tx}. Several changes for one product apply in order.
     *
     * @param events the audit rows, one per product event that moved a product, e.g. {@code export.ProductsExported}
     */
    public Result apply(Tx tx, List<Change> changes, Actor actor, BatchEvents events) {
        java.util.Set<Long> products = new java.util.HashSet<>(changes.size() * 2);
        for (Change c : changes) {
            if (!products.add(c.productId())) {
                return applyInOrder(tx, changes, actor, events);
            }
        }
        // Step 1: the changes into a temp table beside the state machine's table of legal moves.
        repo.stage(tx, changes);
        try {
            // Step 2: the ones that cannot be made, with the reason, before anything moves.
            Map<Integer, Skipped> skippedAt = new LinkedHashMap<>();
            for (BulkStateRepository.Refused r : repo.refused(tx)) {
                Change c = changes.get(r.seq());
                SkipReason why = r.state().isEmpty() ? SkipReason.GONE
                        : !r.iid().orElseThrow().equals(c.iid().digits()) ? SkipReason.IID_CHANGED
                        : SkipReason.NOT_ALLOWED;
                skippedAt.put(r.seq(), new Skipped(c, why, r.state()));
            }
            // Step 3: every other one moves in one UPDATE … FROM that joins the transition table.
            int n = repo.moveStaged(tx, clock.instant());
            if (n != changes.size() - skippedAt.size()) {
                throw new IllegalStateException("moved " + n + " products, expected " + (changes.size()
                        - skippedAt.size()));
            }
            List<Change> moved = new ArrayList<>(n);
            Map<ProductEvent, Integer> perEvent = new EnumMap<>(ProductEvent.class);
            for (int i = 0; i < changes.size(); i++) {
                if (!skippedAt.containsKey(i)) {
                    moved.add(changes.get(i));
                    perEvent.merge(changes.get(i).event(), 1, Integer::sum);
                }
            }
            perEvent.forEach((event, count) -> audit.record(tx, actor, events.moved(event, count)));
            return new Result(moved, List.copyOf(skippedAt.values()));
        } finally {
            repo.unstage(tx);
        }
    }

    /** The same one change after another, for a list that moves one product more than once. */
    private Result applyInOrder(Tx tx, List<Change> changes, Actor actor, BatchEvents events) {
        List<Long> ids = new ArrayList<>(changes.size());
        changes.forEach(c -> ids.add(c.productId()));
        Map<Long, BulkStateRepository.Current> current = repo.current(tx, ids);
        Map<Long, ProductState> now = new LinkedHashMap<>();
        List<Change> moved = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        Map<Long, Object[]> rows = new LinkedHashMap<>();
        Map<ProductEvent, Integer> perEvent = new EnumMap<>(ProductEvent.class);
        for (Change c : changes) {
            BulkStateRepository.Current cur = current.get(c.productId());
            if (cur == null) {
                skipped.add(new Skipped(c, SkipReason.GONE, Optional.empty()));
                continue;
            }
            ProductState from = now.getOrDefault(c.productId(), cur.state());
            if (!cur.iid().equals(c.iid().digits())) {
                skipped.add(new Skipped(c, SkipReason.IID_CHANGED, Optional.of(from)));
                continue;
            }
            Optional<ProductState> to = ProductStateMachine.next(from, c.event());
            if (to.isEmpty()) {
                skipped.add(new Skipped(c, SkipReason.NOT_ALLOWED, Optional.of(from)));
                continue;
            }
            now.put(c.productId(), to.get());
            rows.put(c.productId(), new Object[] {c.productId(), to.get().name(),
                    c.detail(), c.cid().map(ConfirmationId::digits).orElse(null)});
            moved.add(c);
            perEvent.merge(c.event(), 1, Integer::sum);
        }
        repo.setStates(tx, new ArrayList<>(rows.values()), clock.instant());
        perEvent.forEach((event, n) -> audit.record(tx, actor, events.moved(event, n)));
        return new Result(moved, skipped);
    }
}
