package dev.airlock.appliance.inventory;

import dev.airlock.appliance.audit.Actor;
import dev.airlock.appliance.audit.AuditService;
import dev.airlock.appliance.store.Tx;
import dev.airlock.formats.ids.ConfirmationId;
import java.time.Clock;
import java.util.Optional;

/** One product through the state machine, stored and audited (behind {@link InventoryService#transition}). */
final class Transitions {
    private final ProductRepository rows;
    private final AuditService audit;
    private final Clock clock;

    Transitions(ProductRepository rows, AuditService audit, Clock clock) {
        this.rows = rows;
        this.audit = audit;
        this.clock = clock;
    }

    Product apply(Tx tx, long productId, ProductEvent event, StateDetail detail,
            Optional<ConfirmationId> cid, Actor actor) {
        Product p = rows.productById(tx, productId)
                .orElseThrow(() -> new IllegalArgumentException("there is no product with id " + productId));
        ProductState next = ProductStateMachine.apply(p.state(), event);
        if (p.state() == ProductState.REUSABLE && event == ProductEvent.APPLY) {
            // a stored CID went in again instead of a new activation: count it, durably, in this transaction
            rows.insertActivationSaved(tx, p, p.stateDetail() instanceof StateDetail.ForcedReuse, clock.instant());
        }
        StateDetail d = detail == null ? StateDetail.none() : detail;
        rows.setState(tx, productId, next, d, cid.map(ConfirmationId::digits).orElse(null), clock.instant());
        audit.record(tx, actor, new InventoryEvents.ProductTransitioned(productId, p.hostName(), event, p.state(), next,
                d));
        return rows.productById(tx, productId).orElseThrow();
    }

    /** The same with plain words as the detail. */
    Product apply(Tx tx, long productId, ProductEvent event, String detail, Optional<ConfirmationId> cid, Actor actor) {
        return apply(tx, productId, event, StateDetail.note(detail), cid, actor);
    }
}
