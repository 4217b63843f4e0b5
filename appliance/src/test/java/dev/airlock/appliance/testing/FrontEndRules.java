package dev.airlock.appliance.testing;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import dev.airlock.appliance.inventory.InventoryService;
import dev.airlock.appliance.store.Tx;
import java.util.List;
import java.util.Set;

/** The rule both front ends (the CLI and the kiosk) keep: they ask the record questions, the flows change it. */
public final class FrontEndRules {
    /** The read-only queries of the record a front end may ask for (lists, counts, one machine, status). */
    public static final Set<String> INVENTORY_QUERIES = Set.of("products", "countProducts", "forEachProduct",
            "knownProducts", "machine", "status", "notNeeded", "activationsSaved");

    /** Types only the flows use: a transaction, the store itself, the state machine, bulk transitions. */
    public static final List<Class<?>> FLOW_ONLY_TYPES = List.of(Tx.class, dev.airlock.appliance.store.Store.class,
            dev.airlock.appliance.inventory.BulkTransitions.class,
            dev.airlock.appliance.inventory.ProductStateMachine.class);

    private FrontEndRules() {}

    /** Calls a method of {@code InventoryService} that is not a query, or any appliance method that takes a {@link Tx}. */
    public static ArchCondition<JavaClass> changeTheRecordOutsideAFlow() {
        return new ArchCondition<>("change the record outside a flow (an inventory method that writes, or any"
                + " method that takes a transaction)") {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                for (JavaMethodCall call : c.getMethodCallsFromSelf()) {
                    boolean takesTx = call.getTarget().getParameterTypes().stream()
                            .anyMatch(t -> t.getName().equals(Tx.class.getName()));
                    boolean inventoryWrite = call.getTargetOwner().isEquivalentTo(InventoryService.class)
                            && !INVENTORY_QUERIES.contains(call.getName());
                    if (takesTx || inventoryWrite) {
                        events.add(SimpleConditionEvent.satisfied(call, call.getDescription()));
                    }
                }
            }
        };
    }
}
