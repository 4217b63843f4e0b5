package dev.airlock.formats.kit;

import dev.airlock.formats.ids.ApplicationId;
import dev.airlock.formats.ids.ExtendedProductId;
import dev.airlock.formats.ids.InstallationId;
import dev.airlock.formats.ids.PartialProductKey;
import dev.airlock.formats.ids.SkuId;
import java.util.Objects;

/**
 * One licensed product with a key installed, as WMI reported it on the machine.
 *
 * @param graceMinutes WMI GracePeriodRemaining, in minutes
 * @param description  empty when WMI gave none
 */
public record CollectedProduct(
        ProductClass productClass,
        SkuId skuId,
        ApplicationId applicationId,
        String name,
        String description,
        PartialProductKey partialKey,
        ExtendedProductId epid,
        String channel,
        LicenseStatus licenseStatus,
        long graceMinutes,
        InstallationId iid) {

    public CollectedProduct {
        Objects.requireNonNull(productClass, "productClass");
        Objects.requireNonNull(skuId, "skuId");
        Objects.requireNonNull(applicationId, "applicationId");
        Objects.requireNonNull(name, "name");
        description = description == null ? "" : description;
        Objects.requireNonNull(partialKey, "partialKey");
        Objects.requireNonNull(epid, "epid");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(licenseStatus, "licenseStatus");
        Objects.requireNonNull(iid, "iid");
    }
}
