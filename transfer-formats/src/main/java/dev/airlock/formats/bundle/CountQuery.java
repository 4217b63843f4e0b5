package dev.airlock.formats.bundle;

import dev.airlock.formats.ids.ExtendedProductId;
import dev.airlock.formats.ids.PartialProductKey;
import java.util.Objects;
import java.util.Optional;

/**
 * A question for the gateway: how many activations remain on the MAK behind this ePID
 * (BatchActivation request type 2). The MAK's partial key (last 5 characters) may ride along
 * so the answer can be matched to the vault entry; privacy.md allows it only here.
 */
public record CountQuery(ExtendedProductId epid, Optional<PartialProductKey> partialKey) {
    public CountQuery {
        Objects.requireNonNull(epid, "epid");
        Objects.requireNonNull(partialKey, "partialKey");
    }

    /** A query by ePID alone. */
    public static CountQuery of(ExtendedProductId epid) {
        return new CountQuery(epid, Optional.empty());
    }

    /** A query with the MAK's partial key. */
    public static CountQuery of(ExtendedProductId epid, PartialProductKey partialKey) {
        return new CountQuery(epid, Optional.of(partialKey));
    }
}
