package dev.airlock.appliance.apply;

import dev.airlock.appliance.audit.Actor;
import dev.airlock.appliance.inventory.InventoryService;
import dev.airlock.appliance.inventory.Product;
import dev.airlock.appliance.inventory.ProductEvent;
import dev.airlock.appliance.inventory.ProductState;
import dev.airlock.appliance.inventory.ProductStateMachine;
import dev.airlock.appliance.store.Store;
import dev.airlock.appliance.inventory.ProductFilter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Manual applies: slmgr /atp or the phone dialog (a forced reuse of a stored CID is the reimage flow's). */
final class ActivationService {
    private final Store store;
    private final InventoryService inventory;

    ActivationService(Store store, InventoryService inventory) {
        this.store = store;
        this.inventory = inventory;
    }

    /** The states whose products wait for their CID to be put in (by the kit or by hand). */
    static final List<ProductState> WAITING_FOR_APPLY = List.of(ProductState.CID_RECEIVED,
            ProductState.REUSABLE, ProductState.APPLY_FAILED);

    /**
     * Products waiting for their CID to be put in ({@link #WAITING_FOR_APPLY}), at most
     * {@code max} of each state, ordered by host name then product id.
     */
    List<Product> waitingForApply(int max) {
        List<Product> out = new ArrayList<>();
        for (ProductState s : WAITING_FOR_APPLY) {
            out.addAll(inventory.products(ProductFilter.all().withState(s), 0, max));
        }
        out.sort(Comparator.comparing(Product::hostName).thenComparingLong(Product::id));
        return out;
    }

    /**
     * Records that the CID was put in by hand: APPLIED, and VERIFIED when the technician saw
     * Licensed. Audited as product.apply (and product.verify).
     *
     * @throws IllegalArgumentException when there is no such product or it has no CID to apply
     */
    Product markApplied(long productId, boolean verified, Actor actor) {
        return store.inTransaction(tx -> {
            Product p = inventory.product(tx, productId).orElseThrow(() -> new IllegalArgumentException(
                    "there is no product with id " + productId + " (see ./airlock list)"));
            if (p.cid().isEmpty()) {
                throw new IllegalArgumentException("product " + productId + " has no CID yet (" + p.state() + ": "
                        + p.state().meaning() + "); nothing to apply");
            }
            boolean canApply = ProductStateMachine.next(p.state(), ProductEvent.APPLY).isPresent();
            if (!canApply && !(verified && p.state() == ProductState.APPLIED)) {
                throw new IllegalArgumentException("product " + productId + " is " + p.state() + " ("
                        + p.state().meaning() + "); only a product waiting for its CID (CID_RECEIVED, REUSABLE,"
                        + " APPLY_FAILED) can be marked applied" + (p.state() == ProductState.APPLIED
                        ? "; add --verified when the machine shows Licensed" : ""));
            }
            if (canApply) {
                p = inventory.transition(tx, productId, ProductEvent.APPLY, "applied by hand (slmgr /atp or the"
                        + " phone activation dialog), recorded by " + actor.name(), Optional.empty(), actor);
            }
            if (verified) {
                p = inventory.transition(tx, productId, ProductEvent.VERIFY, "the technician saw Licensed on the"
                        + " machine", Optional.empty(), actor);
            }
            return p;
        });
    }
}
