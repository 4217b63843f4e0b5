package dev.airlock.formats.bundle;

import dev.airlock.formats.ids.ApplicationId;
import dev.airlock.formats.ids.SkuId;
import java.util.Objects;

/** One entry of a request's product table: SKU, application and product name. */
public record Product(SkuId sku, ApplicationId app, String name) {
    public Product {
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(app, "app");
        Texts.checkProductName(name);
    }
}
