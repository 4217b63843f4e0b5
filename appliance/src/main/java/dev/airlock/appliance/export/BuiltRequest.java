package dev.airlock.appliance.export;

import dev.airlock.formats.bundle.Reference;
import dev.airlock.formats.bundle.RequestBundle;
import dev.airlock.formats.bundle.SignedBundle;
import java.util.Map;

/**
 * A request, its signed form and the lab-side map from its random references to product ids (which never
 * leaves the lab).
 */
public record BuiltRequest(RequestBundle request, SignedBundle bundle, Map<Reference, Long> productIds) {
    public BuiltRequest {
        productIds = Map.copyOf(productIds);
    }
}
