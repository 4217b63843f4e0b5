package dev.airlock.appliance.apply;

import dev.airlock.appliance.audit.Actor;
import dev.airlock.appliance.inventory.CollectionOutcome;
import dev.airlock.appliance.inventory.InventoryService;
import dev.airlock.appliance.inventory.Product;
import dev.airlock.appliance.inventory.ProductEvent;
import dev.airlock.appliance.inventory.ProductState;
import dev.airlock.appliance.inventory.ProductStateMachine;
import dev.airlock.appliance.store.Tx;
import dev.airlock.formats.kit.ApplyResult;
import dev.airlock.formats.kit.LicenseStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Takes an apply result in: first its fresh collection, exactly like a collector file (so a
 * changed IID starts over and identity changes are recorded), then per product: deposited →
 * APPLIED, and VERIFIED when the machine reports Licensed; failed → APPLY_FAILED with the code
 * explained; IID changed or not found → nothing more.
 */
final class ApplyResultService {
    private final InventoryService inventory;

    ApplyResultService(InventoryService inventory) {
        this.inventory = inventory;
    }

    /** Records {@code result} inside the caller's transaction; a refusal writes nothing. */
    ResultRecorded record(Tx tx, ApplyResult result, String source, Optional<String> group, OptionalLong sameAs,
            Actor actor) {
        // Step 1: the fresh collection, as any collector file.
        CollectionOutcome collected = inventory.recordCollection(tx, result.machineRecord(), source, group, sameAs,
                actor);
        long machineId;
        String host;
        List<String> lines = new ArrayList<>();
        boolean added = false;
        if (collected instanceof CollectionOutcome.Conflict c) {
            return new ResultRecorded.Refused(c.message());
        } else if (collected instanceof CollectionOutcome.Added a) {
            machineId = a.machineId();
            host = a.hostName();
            added = true;
            lines.add("new machine with " + a.products() + " products (it was not in the record)");
        } else if (collected instanceof CollectionOutcome.Updated u) {
            machineId = u.machineId();
            host = u.hostName();
            lines.addAll(u.changes());
        } else {
            CollectionOutcome.Unchanged n = (CollectionOutcome.Unchanged) collected;
            machineId = n.machineId();
            host = n.hostName();
        }
        // Step 2: each product's apply outcome.
        List<Product> products = inventory.productsOfMachine(tx, machineId);
        int applied = 0;
        int verified = 0;
        int failed = 0;
        for (ApplyResult.Outcome o : result.outcomes()) {
            Optional<Product> match = products.stream()
                    .filter(p -> p.skuId().equals(o.skuId())).findFirst();
            String label = match.map(p -> "'" + p.name() + "'").orElse("SKU " + o.skuId());
            if (match.isEmpty()) {
                lines.add(label + ": not in the record for this machine; nothing recorded");
                continue;
            }
            Product p = match.get();
            String kit = " (kit file " + result.kitFile() + ", result " + source + ")";
            switch (o.result()) {
                case DEPOSITED -> {
                    if (!p.iid().equals(o.iid())) {
                        lines.add(label + ": a CID was deposited for an IID the record no longer holds; nothing"
                                + " recorded");
                        continue;
                    }
                    if (ProductStateMachine.next(p.state(), ProductEvent.APPLY).isPresent()) {
                        p = inventory.transition(tx, p.id(), ProductEvent.APPLY, "CID deposited by apply mode" + kit,
                                Optional.empty(), actor);
                        applied++;
                    }
                    boolean licensed = o.licenseStatus().map(s -> s == LicenseStatus.LICENSED).orElse(false);
                    if (licensed && p.state() == ProductState.APPLIED) {
                        p = inventory.transition(tx, p.id(), ProductEvent.VERIFY, "the machine reports Licensed"
                                + kit, Optional.empty(), actor);
                        verified++;
                    }
                    lines.add(label + ": CID deposited; license status " + o.licenseStatus()
                            .map(s -> s.code() + " (" + s.label() + ")").orElse("unknown") + "; now " + p.state()
                            + (p.state() == ProductState.APPLIED ? " (collect again later to verify)" : ""));
                }
                case FAILED -> {
                    String why = ApplyCodes.explain(o.returnCode().orElse(0));
                    if (ProductStateMachine.next(p.state(), ProductEvent.APPLY_FAIL).isPresent()
                            && p.iid().equals(o.iid())) {
                        p = inventory.transition(tx, p.id(), ProductEvent.APPLY_FAIL, why, Optional.empty(), actor);
                        failed++;
                    }
                    lines.add(label + ": apply FAILED with " + why + "; now " + p.state());
                }
                case IID_CHANGED -> lines.add(label + ": not applied: IID changed on the machine (key or hardware"
                        + " changed), taken in as re-collected; now " + p.state());
                case NOT_FOUND -> lines.add(label + ": not applied, the machine has no such product with a key"
                        + " installed; now " + p.state());
                default -> throw new IllegalStateException("unknown result " + o.result());
            }
        }
        if (result.outcomes().isEmpty()) {
            lines.add("the result lists no products (its kit file was empty)");
        }
        return new ResultRecorded.Done(machineId, host, added, lines, applied, verified, failed);
    }
}
