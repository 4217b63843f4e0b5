package dev.airlock.formats.kit;

import dev.airlock.formats.ids.ConfirmationId;
import dev.airlock.formats.ids.InstallationId;
import dev.airlock.formats.ids.SkuId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One machine's activation kit file: who the machine is (so apply mode finds its file) and, per
 * product, the IID a CID was obtained for and that CID. PII: never leaves the lab.
 *
 * @param smbiosUuid "" when the machine reports none usable
 */
public record ActivationKit(Instant created, String hostName, String smbiosUuid, List<Product> products) {

    /** XML namespace of format version 1. */
    public static final String NAMESPACE = "urn:airlock:activation-kit:1";
    /** The only format version this code reads and writes. */
    public static final String FORMAT_VERSION = "1";
    /** Classpath location of the XSD. */
    public static final String XSD_RESOURCE = "/dev/airlock/formats/kit/activation-kit-1.xsd";
    /** Most products one kit file carries (as many as a collector record). */
    public static final int MAX_PRODUCTS = 200;

    public ActivationKit {
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(hostName, "hostName");
        if (hostName.isBlank()) {
            throw new IllegalArgumentException("hostName is blank");
        }
        smbiosUuid = smbiosUuid == null ? "" : smbiosUuid.strip();
        products = List.copyOf(products);
        if (products.isEmpty() || products.size() > MAX_PRODUCTS) {
            throw new IllegalArgumentException("a kit file holds 1.." + MAX_PRODUCTS + " products, not "
                    + products.size());
        }
    }

    /** The kit file's name: {@code HOST_UUID.xml}, as the collector names its record. */
    public String fileName() {
        return KitXml.baseName(hostName, smbiosUuid) + ".xml";
    }

    /** One product to activate: the CID belongs to exactly this IID. */
    public record Product(ProductClass productClass, SkuId skuId, String name, InstallationId iid,
            ConfirmationId cid) {
        public Product {
            Objects.requireNonNull(productClass, "productClass");
            Objects.requireNonNull(skuId, "skuId");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(iid, "iid");
            Objects.requireNonNull(cid, "cid");
        }
    }
}
