package dev.airlock.appliance.inventory;

import java.util.Optional;

/**
 * Which products to list: by state, group, and a free-text search over host name, product
 * name and IID. Empty parts match everything.
 */
public record ProductFilter(Optional<ProductState> state, Optional<String> group, Optional<String> search) {
    public static ProductFilter all() {
        return new ProductFilter(Optional.empty(), Optional.empty(), Optional.empty());
    }

    public ProductFilter withState(ProductState s) {
        return new ProductFilter(Optional.of(s), group, search);
    }

    public ProductFilter withGroup(String g) {
        return new ProductFilter(state, Optional.of(g), search);
    }

    public ProductFilter withSearch(String text) {
        return new ProductFilter(state, group, Optional.of(text));
    }
}
