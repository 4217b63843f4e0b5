package dev.airlock.appliance.inventory;

import dev.airlock.formats.ids.ApplicationId;
import dev.airlock.formats.ids.ExtendedProductId;
import dev.airlock.formats.ids.InstallationId;
import dev.airlock.formats.ids.SkuId;
import dev.airlock.formats.kit.CollectedProduct;
import dev.airlock.formats.kit.ProductClass;

/** What a collection or a manual entry says about one product (identifiers typed, as they came in). */
record ProductFacts(SkuId skuId, ApplicationId applicationId, String productClass, String name, String description,
        String partialKey, String channel, ExtendedProductId epid, int licenseStatus, long graceMinutes,
        InstallationId iid) {

    static ProductFacts of(CollectedProduct p) {
        return new ProductFacts(p.skuId(), p.applicationId(), p.productClass().wmiName(), p.name(), p.description(),
                p.partialKey().toString(), p.channel(), p.epid(), p.licenseStatus().code(), p.graceMinutes(),
                p.iid());
    }

    static ProductFacts of(ManualEntry e) {
        ProductClass cls = e.applicationId().equals(ApplicationId.OFFICE_2010)
                ? ProductClass.OFFICE_SOFTWARE_PROTECTION_PRODUCT
                : ProductClass.SOFTWARE_LICENSING_PRODUCT;
        return new ProductFacts(e.skuId(), e.applicationId(), cls.wmiName(), e.productName(), "",
                e.partialKey().map(Object::toString).orElse(""), e.channel(), e.epid(), e.licenseStatus().code(), 0,
                e.iid());
    }
}
