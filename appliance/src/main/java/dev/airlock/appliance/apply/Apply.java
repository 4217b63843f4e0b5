package dev.airlock.appliance.apply;

import dev.airlock.appliance.audit.Actor;
import dev.airlock.appliance.audit.AuditService;
import dev.airlock.appliance.inventory.InventoryService;
import dev.airlock.appliance.inventory.Product;
import dev.airlock.appliance.inventory.ProductState;
import dev.airlock.appliance.store.Store;
import dev.airlock.appliance.store.Tx;
import dev.airlock.formats.kit.ApplyResult;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The apply flow: CIDs go into lab machines through the activation kit on a stick, or by hand
 * ({@link ApplyCommand}); what the machines report back (apply results, read by the collect flow)
 * moves their products to APPLIED, VERIFIED or APPLY_FAILED.
 */
public final class Apply {
    /** The states whose products wait for their CID to be put in (by the kit or by hand). */
    public static final List<ProductState> WAITING_FOR_APPLY = ActivationService.WAITING_FOR_APPLY;
    /** States whose products go into the kit. */
    public static final List<ProductState> KIT_STATES = ActivationKitService.KIT_STATES;

    private final ActivationKitService kits;
    private final ActivationService manual;
    private final ApplyResultService results;

    public Apply(Store store, InventoryService inventory, AuditService audit, Clock clock) {
        this.kits = new ActivationKitService(store, inventory, audit, clock);
        this.manual = new ActivationService(store, inventory);
        this.results = new ApplyResultService(inventory);
    }

    /** Writes the kit for every waiting product (of {@code group}, when given) under {@code stickRoot}. */
    public KitWritten writeKit(Path stickRoot, Optional<String> group, Actor actor) throws IOException {
        return kits.write(stickRoot, group, actor);
    }

    /**
     * Products waiting for their CID to be put in ({@link #WAITING_FOR_APPLY}), at most
     * {@code max} of each state, ordered by host name then product id.
     */
    public List<Product> waitingForApply(int max) {
        return manual.waitingForApply(max);
    }

    /**
     * Records that the CID was put in by hand: APPLIED, and VERIFIED when the technician saw
     * Licensed. Audited as product.apply (and product.verify).
     *
     * @throws IllegalArgumentException when there is no such product or it has no CID to apply
     */
    public Product markApplied(long productId, boolean verified, Actor actor) {
        return manual.markApplied(productId, verified, actor);
    }

    /**
     * Records an apply result inside the caller's transaction (the collect flow reads the result
     * files); a refusal writes nothing.
     */
    public ResultRecorded recordResult(Tx tx, ApplyResult result, String source, Optional<String> group,
            OptionalLong sameAs, Actor actor) {
        return results.record(tx, result, source, group, sameAs, actor);
    }
}
