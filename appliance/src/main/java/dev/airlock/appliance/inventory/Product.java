package dev.airlock.appliance.inventory;

import dev.airlock.formats.bundle.ExportRecord;
import dev.airlock.formats.ids.ApplicationId;
import dev.airlock.formats.ids.ConfirmationId;
import dev.airlock.formats.ids.ExtendedProductId;
import dev.airlock.formats.ids.InstallationId;
import dev.airlock.formats.ids.SkuId;
import java.time.Instant;
import java.util.Optional;

/**
 * A licensed product on a lab machine and where its activation stands. Identifiers are typed:
 * they were parsed once, where they came in (a file, a typed entry, a database row).
 *
 * @param cid         empty until a CID was received or reused
 * @param stateDetail typed: a forced reuse, a rejection with its error code, or plain words; its
 *                    {@link StateDetail#text()} is the sentence shown
 */
public record Product(
        long id,
        long machineId,
        String hostName,
        String group,
        SkuId skuId,
        ApplicationId applicationId,
        String productClass,
        String name,
        String description,
        String partialKey,
        String channel,
        ExtendedProductId epid,
        int licenseStatus,
        long graceMinutes,
        InstallationId iid,
        Optional<ConfirmationId> cid,
        ProductState state,
        StateDetail stateDetail,
        Instant stateChanged,
        Instant firstSeen,
        Instant lastSeen) {

    /**
     * The allow-listed view of this product that may leave the lab (privacy.md): SKU,
     * application, product name, ePID and IID — by type, nothing else can follow.
     */
    public ExportRecord toExportRecord() {
        return new ExportRecord(skuId, applicationId, name, epid, iid);
    }

    /** The IID in canonical groups (9 groups of 7 or 6), for people. */
    public String iidGrouped() {
        return iid.toString();
    }

    /** The CID in 8 groups of 6, or "" when there is none yet. */
    public String cidGrouped() {
        return cid.map(ConfirmationId::toString).orElse("");
    }
}
