package dev.airlock.appliance.inventory;

import static dev.airlock.appliance.inventory.ProductEvent.APPLY;
import static dev.airlock.appliance.inventory.ProductEvent.APPLY_FAIL;
import static dev.airlock.appliance.inventory.ProductEvent.CID_RECEIVED;
import static dev.airlock.appliance.inventory.ProductEvent.EXPORT;
import static dev.airlock.appliance.inventory.ProductEvent.FORCE_REUSE;
import static dev.airlock.appliance.inventory.ProductEvent.NEEDS_CID;
import static dev.airlock.appliance.inventory.ProductEvent.NEEDS_NOTHING;
import static dev.airlock.appliance.inventory.ProductEvent.NEW_IID;
import static dev.airlock.appliance.inventory.ProductEvent.REJECT;
import static dev.airlock.appliance.inventory.ProductEvent.REUSE;
import static dev.airlock.appliance.inventory.ProductEvent.VERIFY;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one place product state transitions live:
 * {@code COLLECTED → EXPORTED → CID_RECEIVED → APPLIED → VERIFIED}, side exits
 * {@code REJECTED} (may go out again) and {@code REUSABLE} (reimage) → {@code APPLIED}, and
 * {@code APPLY_FAILED} (apply may be retried). A new IID always starts over at COLLECTED.
 * {@code NOT_NEEDED} is the side exit for a product that needs no CID (collected Licensed, or a
 * KMS client) before anything was spent on it; it returns to COLLECTED when it loses its licence.
 */
public final class ProductStateMachine {
    private static final Map<ProductState, Map<ProductEvent, ProductState>> TABLE = new EnumMap<>(ProductState.class);

    static {
        // Export: fresh products; again while waiting; again after a rejection (new key chosen).
        allow(ProductState.COLLECTED, EXPORT, ProductState.EXPORTED);
        allow(ProductState.EXPORTED, EXPORT, ProductState.EXPORTED);
        allow(ProductState.REJECTED, EXPORT, ProductState.EXPORTED);
        // Merge: any response to any of its requests counts; a later CID beats an earlier error.
        allow(ProductState.EXPORTED, CID_RECEIVED, ProductState.CID_RECEIVED);
        allow(ProductState.REJECTED, CID_RECEIVED, ProductState.CID_RECEIVED);
        allow(ProductState.EXPORTED, REJECT, ProductState.REJECTED);
        // Apply at the machine: from a received or reusable CID, or a retry after a failure.
        allow(ProductState.CID_RECEIVED, APPLY, ProductState.APPLIED);
        allow(ProductState.REUSABLE, APPLY, ProductState.APPLIED);
        allow(ProductState.APPLY_FAILED, APPLY, ProductState.APPLIED);
        allow(ProductState.CID_RECEIVED, APPLY_FAIL, ProductState.APPLY_FAILED);
        allow(ProductState.REUSABLE, APPLY_FAIL, ProductState.APPLY_FAILED);
        allow(ProductState.APPLY_FAILED, APPLY_FAIL, ProductState.APPLY_FAILED);
        // Verify: the machine reports Licensed after the CID went in.
        allow(ProductState.APPLIED, VERIFY, ProductState.VERIFIED);
        // Reimage: same IID, stored CID, machine no longer licensed.
        allow(ProductState.VERIFIED, REUSE, ProductState.REUSABLE);
        allow(ProductState.APPLIED, REUSE, ProductState.REUSABLE);
        allow(ProductState.APPLY_FAILED, REUSE, ProductState.REUSABLE);
        // ... or back to an earlier IID of the product whose CID its history kept (arrives via NEW_IID).
        allow(ProductState.COLLECTED, REUSE, ProductState.REUSABLE);
        // Supervisor override: reuse a stored CID although the IID differs.
        allow(ProductState.COLLECTED, FORCE_REUSE, ProductState.REUSABLE);
        allow(ProductState.REJECTED, FORCE_REUSE, ProductState.REUSABLE);
        // Needs no CID (Licensed, or a KMS client): only before it goes out, or after a rejection; a
        // product further along keeps its way (APPLIED + Licensed is VERIFY, not this).
        allow(ProductState.COLLECTED, NEEDS_NOTHING, ProductState.NOT_NEEDED);
        allow(ProductState.REJECTED, NEEDS_NOTHING, ProductState.NOT_NEEDED);
        allow(ProductState.NOT_NEEDED, NEEDS_NOTHING, ProductState.NOT_NEEDED); // the reason changed
        // ... and back into the flow when it loses its licence (reimage, hardware change) with the same IID.
        allow(ProductState.NOT_NEEDED, NEEDS_CID, ProductState.COLLECTED);
        // A new IID (new key or hardware) starts a new installation from any state.
        for (ProductState s : ProductState.values()) {
            allow(s, NEW_IID, ProductState.COLLECTED);
        }
    }

    private ProductStateMachine() {}

    private static void allow(ProductState from, ProductEvent event, ProductState to) {
        TABLE.computeIfAbsent(from, k -> new EnumMap<>(ProductEvent.class)).put(event, to);
    }

    /** One allowed move: {@code event} in state {@code from} leads to {@code to}. */
    record Rule(ProductState from, ProductEvent event, ProductState to) {}

    /**
     * Every allowed move, in state then event order: the rows of the transition table that the
     * set-based writes join ({@link BulkStateRepository}), so SQL allows exactly what {@link #next} does.
     */
    static List<Rule> rules() {
        List<Rule> out = new ArrayList<>();
        TABLE.forEach((from, row) -> row.forEach((event, to) -> out.add(new Rule(from, event, to))));
        return List.copyOf(out);
    }

    /** The state after {@code event}, or empty when the event is not allowed in {@code from}. */
    public static Optional<ProductState> next(ProductState from, ProductEvent event) {
        Map<ProductEvent, ProductState> row = TABLE.get(from);
        return Optional.ofNullable(row == null ? null : row.get(event));
    }

    /** The state after {@code event}; throws {@link IllegalTransitionException} when not allowed. */
    public static ProductState apply(ProductState from, ProductEvent event) {
        return next(from, event).orElseThrow(() -> new IllegalTransitionException(from, event));
    }
}
