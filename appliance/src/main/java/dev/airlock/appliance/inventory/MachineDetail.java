package dev.airlock.appliance.inventory;

import java.util.List;

/** A machine with its products and its change history (newest first). */
public record MachineDetail(Machine machine, List<Product> products, List<MachineChange> history) {
    public MachineDetail {
        products = List.copyOf(products);
        history = List.copyOf(history);
    }
}
