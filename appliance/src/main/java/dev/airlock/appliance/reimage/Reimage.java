package dev.airlock.appliance.reimage;

import dev.airlock.appliance.audit.Actor;
import dev.airlock.appliance.inventory.EarlierInstallation;
import dev.airlock.appliance.inventory.InventoryService;
import dev.airlock.appliance.inventory.Product;
import dev.airlock.appliance.inventory.ProductEvent;
import dev.airlock.appliance.inventory.ProductFilter;
import dev.airlock.appliance.inventory.ProductState;
import dev.airlock.appliance.inventory.ProductStateMachine;
import dev.airlock.appliance.inventory.ReimageRules;
import dev.airlock.appliance.inventory.StateDetail;
import dev.airlock.appliance.store.Store;
import java.util.List;
import java.util.Optional;

/**
 * The reimage flow: which products can take their stored CID again (found by intake through
 * {@link #rules()}), the activations saved that way, and a supervisor's forced reuse of an
 * earlier CID onto a product whose IID changed.
 */
public final class Reimage {
    /** The warning every forced reuse carries into the audit log and onto the screen. */
    public static final String FORCE_WARNING = "WARNING: the CID was obtained for another IID (exact IID match"
            + " cleared); Windows may refuse it (e.g. 0xC004F04D) and then the product needs a new round trip";

    private final Store store;
    private final InventoryService inventory;

    public Reimage(Store store, InventoryService inventory) {
        this.store = store;
        this.inventory = inventory;
    }

    /** The rules inventory follows while recording a collection (same IID with a stored CID: REUSABLE). */
    public static ReimageRules rules() {
        return Detection.INSTANCE;
    }

    /** Products whose stored CID can go in again (REUSABLE), at most {@code max}, in list order. */
    public List<Product> reusable(int max) {
        return inventory.products(ProductFilter.all().withState(ProductState.REUSABLE), 0, max);
    }

    /** How many times a stored CID was applied again instead of spending a new activation. */
    public long activationsSaved() {
        return inventory.activationsSaved();
    }

    /**
     * Supervisor override: makes the product's newest earlier CID (from its history) current and
     * the product REUSABLE although its IID differs, audited with {@link #FORCE_WARNING}. The
     * caller checks the supervisor passphrase first.
     *
     * @return {@link ForceOutcome.Forced}, or {@link ForceOutcome.Refused} with why nothing changed
     */
    public ForceOutcome forceReuse(long productId, Actor actor) {
        return store.inTransaction(tx -> {
            Optional<Product> found = inventory.product(tx, productId);
            if (found.isEmpty()) {
                return new ForceOutcome.Refused("there is no product with id " + productId + " (see ./airlock list)");
            }
            Product p = found.get();
            Optional<EarlierInstallation> earlier = inventory.earlierInstallationWithCid(tx, productId);
            if (earlier.isEmpty()) {
                return new ForceOutcome.Refused("product " + productId + " has no earlier installation with a CID"
                        + " in its history: there is nothing to reuse; export it for a new CID");
            }
            if (ProductStateMachine.next(p.state(), ProductEvent.FORCE_REUSE).isEmpty()) {
                return new ForceOutcome.Refused("product " + productId + " is " + p.state() + " ("
                        + p.state().meaning() + "); a stored CID can be forced only onto a product that waits for"
                        + " export (COLLECTED) or was rejected (REJECTED)");
            }
            EarlierInstallation e = earlier.get();
            StateDetail detail = new StateDetail.ForcedReuse("by " + actor.name() + ": CID of the earlier IID "
                    + e.iid().digits() + " (archived " + e.archivedAt() + ") for IID " + p.iid().digits() + "; "
                    + FORCE_WARNING);
            Product now = inventory.transition(tx, productId, ProductEvent.FORCE_REUSE, detail, Optional.of(e.cid()),
                    actor);
            return new ForceOutcome.Forced(now, e);
        });
    }
}
