package dev.airlock.appliance.inventory;

import dev.airlock.appliance.audit.Actor;
import dev.airlock.appliance.store.Tx;
import dev.airlock.formats.ids.SkuId;
import dev.airlock.formats.kit.LicenseStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a collection does to a machine's products: new ones are inserted, known ones refreshed
 * and moved on their licence status; the reimage flow's {@link ReimageRules} say when a stored
 * CID goes in again.
 */
final class ProductUpserts {
    private final ProductRepository rows;
    private final Transitions transitions;
    private final ReimageRules reimage;

    ProductUpserts(ProductRepository rows, Transitions transitions, ReimageRules reimage) {
        this.rows = rows;
        this.transitions = transitions;
        this.reimage = reimage;
    }

    /** Inserts a product new to its machine: COLLECTED, or NOT_NEEDED with the reason returned. */
    Optional<String> insertNew(Tx tx, long machineId, ProductFacts f, Instant now) {
        Optional<NotNeededReason> why = NotNeededReason.of(f.licenseStatus(), f.channel());
        ProductState start = why.isPresent()
                ? ProductStateMachine.apply(ProductState.COLLECTED, ProductEvent.NEEDS_NOTHING)
                : ProductState.COLLECTED;
        rows.insertProduct(tx, machineId, f, start, why.map(NotNeededReason::detail).orElse(""), now);
        return why.map(r -> "'" + f.name() + "': " + r.detail());
    }

    /** Records a known machine's products as collected again; returns what changed, in words. */
    List<String> upsert(Tx tx, long machineId, List<ProductFacts> facts, Instant now, String source,
            Actor actor) {
        Map<SkuId, Product> existing = new HashMap<>();
        for (Product p : rows.productsOfMachine(tx, machineId)) {
            existing.put(p.skuId(), p);
        }
        List<String> changes = new ArrayList<>();
        for (ProductFacts f : facts) {
            Product old = existing.get(f.skuId());
            if (old == null) {
                Optional<String> why = insertNew(tx, machineId, f, now);
                changes.add("new product '" + f.name() + "'" + why.map(w -> " (" + w + ")").orElse(""));
            } else if (!old.iid().equals(f.iid())) {
                changes.add(newInstallation(tx, old, f, now, source, actor));
            } else {
                sameInstallation(tx, old, f, now, source, actor, changes);
            }
        }
        return changes;
    }

    /** A known product with a new IID: the old installation goes to the history; a reimage back may reuse a CID. */
    private String newInstallation(Tx tx, Product old, ProductFacts f, Instant now, String source, Actor actor) {
        Optional<NotNeededReason> notNeeded = NotNeededReason.of(f.licenseStatus(), f.channel());
        // Step a: an IID this product had before, with its CID kept: a reimage back to that installation.
        Optional<ReimageRules.Reuse> reuse = reimage.onNewIid(old, notNeeded.isPresent(),
                () -> rows.historicCid(tx, old.id(), f.iid()), source);
        ProductState next = ProductStateMachine.apply(old.state(), ProductEvent.NEW_IID);
        rows.replaceInstallation(tx, old, f, next, now, "new IID seen in " + source);
        String kept = old.cid().isEmpty() ? "" : "; its earlier CID is kept in the history";
        if (reuse.isPresent()) {
            Product reused = reuse(tx, old.id(), reuse.get(), actor);
            return "'" + f.name() + "' is back to an earlier IID whose CID is stored: " + old.state() + " -> "
                    + reused.state() + " (reimage: its CID can be applied again)";
        }
        if (notNeeded.isPresent()) {
            // the new installation is Licensed already, or a KMS client: it needs no CID
            Product fresh = transitions.apply(tx, old.id(), ProductEvent.NEEDS_NOTHING, notNeeded.get().detail(),
                    Optional.empty(), actor);
            return "'" + f.name() + "' has a new IID (new key or hardware): " + old.state() + " -> " + fresh.state()
                    + " (" + notNeeded.get().detail() + ")" + kept;
        }
        return "'" + f.name() + "' has a new IID (new key or hardware): " + old.state() + " -> " + next + kept;
    }

    /** A known product with the same IID: refresh it, and move it on what its licence status now says. */
    private void sameInstallation(Tx tx, Product old, ProductFacts f, Instant now, String source, Actor actor,
            List<String> changes) {
        boolean licensed = f.licenseStatus() == LicenseStatus.LICENSED.code();
        Optional<NotNeededReason> notNeeded = NotNeededReason.of(f.licenseStatus(), f.channel());
        rows.refreshProduct(tx, old.id(), f, now);
        if (old.licenseStatus() != f.licenseStatus()) {
            changes.add("'" + f.name() + "' license status " + old.licenseStatus() + " -> " + f.licenseStatus());
        }
        // Step b: the reimage flow may find a reimage with the same IID (its stored CID goes in again).
        Optional<ReimageRules.Reuse> reuse = reimage.onSameIid(old, licensed, source);
        if (reuse.isPresent()) {
            Product reused = reuse(tx, old.id(), reuse.get(), actor);
            changes.add("'" + f.name() + "' was reimaged with the same IID and is not licensed: " + old.state()
                    + " -> " + reused.state() + " (its stored CID can be applied again)");
        } else if (old.state() == ProductState.APPLIED && licensed) {
            // Step c: applied earlier (by hand or kit), now reported Licensed.
            transitions.apply(tx, old.id(), ProductEvent.VERIFY, "the machine reports Licensed (" + source + ")",
                    Optional.empty(), actor);
            changes.add("'" + f.name() + "' reports Licensed: APPLIED -> VERIFIED");
        } else if (notNeeded.isPresent() && (old.state() == ProductState.COLLECTED
                || old.state() == ProductState.REJECTED)) {
            // Step d: not sent yet (or refused), and now Licensed or a KMS client: nothing to spend on it.
            transitions.apply(tx, old.id(), ProductEvent.NEEDS_NOTHING, notNeeded.get().detail(), Optional.empty(),
                    actor);
            changes.add("'" + f.name() + "' needs no CID: " + old.state() + " -> NOT_NEEDED ("
                    + notNeeded.get().detail() + ")");
        } else if (old.state() == ProductState.NOT_NEEDED && notNeeded.isPresent()
                && notNeeded.get() != NotNeededReason.ofRecorded(old.licenseStatus(), old.channel())) {
            // Step e: still needs nothing, for another reason now.
            transitions.apply(tx, old.id(), ProductEvent.NEEDS_NOTHING, notNeeded.get().detail(), Optional.empty(),
                    actor);
        } else if (old.state() == ProductState.NOT_NEEDED && notNeeded.isEmpty()) {
            // Step f: lost its licence (reimage, hardware change) with the same IID: back into the flow;
            // straight to REUSABLE when the reimage flow finds an earlier installation's CID for this IID.
            Product back = transitions.apply(tx, old.id(), ProductEvent.NEEDS_CID,
                    "no longer licensed (" + source + ")", Optional.empty(), actor);
            Optional<ReimageRules.Reuse> again = reimage.onLicenceLost(old,
                    () -> rows.historicCid(tx, old.id(), f.iid()), source);
            if (again.isPresent()) {
                back = reuse(tx, old.id(), again.get(), actor);
            }
            changes.add("'" + f.name() + "' is no longer licensed and needs a CID again: NOT_NEEDED -> "
                    + back.state() + (again.isPresent() ? " (reimage: its stored CID can be applied again)" : ""));
        }
    }

    private Product reuse(Tx tx, long productId, ReimageRules.Reuse r, Actor actor) {
        return transitions.apply(tx, productId, ProductEvent.REUSE, r.detail(), r.cid(), actor);
    }
}
