package dev.airlock.appliance.inventory;

import dev.airlock.appliance.audit.AuditEvent;
import java.util.List;
import java.util.Optional;

/** What the audit log records about the record itself: a product's state moved, machines added, updated, regrouped. */
sealed interface InventoryEvents extends AuditEvent {
    /** One product moved through the state machine by {@code event}, with the detail kept with its new state. */
    record ProductTransitioned(long productId, String hostName, ProductEvent event, ProductState from, ProductState to,
            StateDetail detail) implements InventoryEvents {
        @Override
        public Row row() {
            return new Row(event.auditAction(), "product " + productId, "host=" + hostName + "; " + from + " -> " + to
                    + (detail.text().isEmpty() ? "" : "; " + detail.text()));
        }
    }

    /**
     * A new machine with {@code products} products, {@code notNeeded} of which need no CID, from
     * {@code source} (a file name or {@code manual entry}), into {@code group} when one was given.
     */
    record MachineAdded(long machineId, String hostName, int products, int notNeeded, String source,
            Optional<String> group) implements InventoryEvents {
        @Override
        public Row row() {
            return new Row("machine.added", "machine " + machineId, "host=" + hostName + "; products=" + products
                    + (notNeeded == 0 ? "" : "; need no CID=" + notNeeded) + "; source=" + source
                    + group.map(g -> "; group=" + g).orElse(""));
        }
    }

    /** A known machine collected or typed in again, with what changed (e.g. {@code host 'a' -> 'b'}). */
    record MachineUpdated(long machineId, String hostName, String source, List<String> changes)
            implements InventoryEvents {
        public MachineUpdated {
            changes = List.copyOf(changes);
        }

        @Override
        public Row row() {
            return new Row("machine.updated", "machine " + machineId, "host=" + hostName + "; source=" + source + "; "
                    + String.join("; ", changes));
        }
    }

    /** A machine put into another lab group ({@code ""} for none). */
    record MachineRegrouped(long machineId, String from, String to) implements InventoryEvents {
        @Override
        public Row row() {
            return new Row("machine.group", "machine " + machineId, "group " + MachineMatching.quote(from) + " -> "
                    + MachineMatching.quote(to));
        }
    }
}
