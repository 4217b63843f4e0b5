package dev.airlock.appliance.inventory;

import dev.airlock.formats.ids.ApplicationId;
import dev.airlock.formats.kit.CollectedProduct;
import dev.airlock.formats.kit.ProductClass;

/** What a collection or a manual entry says about one product, in store form. */
record ProductFacts(String skuId, String applicationId, String productClass, String name, String description,
        String partialKey, String channel, String epid, int licenseStatus, long graceMinutes, String iid) {

    static ProductFacts of(CollectedProduct p) {
        return new ProductFacts(p.skuId().toString(), p.applicationId().toString(), p.productClass().wmiName(),
                p.name(), p.description(), p.partialKey().toString(), p.channel(), p.epid().toString(),
                p.licenseStatus().code(), p.graceMinutes(), p.iid().digits());
    }

    static ProductFacts of(ManualEntry e) {
        ProductClass cls = e.applicationId().equals(ApplicationId.OFFICE_2010)
                ? ProductClass.OFFICE_SOFTWARE_PROTECTION_PRODUCT
                : ProductClass.SOFTWARE_LICENSING_PRODUCT;
        return new ProductFacts(e.skuId().toString(), e.applicationId().toString(), cls.wmiName(), e.productName(),
                "", e.partialKey().map(Object::toString).orElse(""), e.channel(), e.epid().toString(),
                e.licenseStatus().code(), 0, e.iid().digits());
    }
}
