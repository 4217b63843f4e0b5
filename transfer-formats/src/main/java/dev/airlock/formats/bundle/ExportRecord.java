package dev.airlock.formats.bundle;

import dev.airlock.formats.ids.ApplicationId;
import dev.airlock.formats.ids.ExtendedProductId;
import dev.airlock.formats.ids.InstallationId;
import dev.airlock.formats.ids.SkuId;
import java.util.Objects;

/**
 * The only input a request bundle is built from: one product installation reduced to the
 * fields privacy.md allows out of the lab. It has no field that could hold a host name,
 * address, serial, group, operator or note, so none of those can reach a bundle.
 *
 * @param sku         the product's SKU ID
 * @param app         its licensing application ID
 * @param productName the product's name as WMI reports it (e.g. "Windows(R), Professional edition")
 * @param epid        the extended product ID BatchActivation needs
 * @param iid         the installation ID to activate
 */
public record ExportRecord(SkuId sku, ApplicationId app, String productName, ExtendedProductId epid,
        InstallationId iid) {
    public ExportRecord {
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(epid, "epid");
        Objects.requireNonNull(iid, "iid");
        Texts.checkProductName(productName);
    }
}
