package dev.airlock.appliance.inventory;

import dev.airlock.formats.bundle.ExportRecord;
import dev.airlock.formats.ids.ApplicationId;
import dev.airlock.formats.ids.ConfirmationId;
import dev.airlock.formats.ids.ExtendedProductId;
import dev.airlock.formats.ids.InstallationId;
import dev.airlock.formats.ids.InvalidIdException;
import dev.airlock.formats.ids.SkuId;
import java.time.Instant;

/**
 * A licensed product on a lab machine and where its activation stands. Identifiers are in
 * canonical text form (IID and CID as bare digits; "" when absent).
 *
 * @param stateDetail e.g. the error code of a rejection, "" when none
 */
public record Product(
        long id,
        long machineId,
        String hostName,
        String group,
        String skuId,
        String applicationId,
        String productClass,
        String name,
        String description,
        String partialKey,
        String channel,
        String epid,
        int licenseStatus,
        long graceMinutes,
        String iid,
        String cid,
        ProductState state,
        String stateDetail,
        Instant stateChanged,
        Instant firstSeen,
        Instant lastSeen) {

    /**
     * The allow-listed view of this product that may leave the lab (privacy.md): SKU,
     * application, product name, ePID and IID — by type, nothing else can follow.
     */
    public ExportRecord toExportRecord() {
        try {
            return new ExportRecord(SkuId.parse(skuId), ApplicationId.parse(applicationId), name,
                    ExtendedProductId.parse(epid), InstallationId.parse(iid));
        } catch (InvalidIdException e) {
            throw new IllegalStateException("product " + id + " holds an identifier that no longer parses: "
                    + e.getMessage(), e);
        }
    }

    /** The IID in canonical groups (9 groups of 7 or 6), for people. */
    public String iidGrouped() {
        try {
            return InstallationId.parse(iid).toString();
        } catch (InvalidIdException e) {
            return iid; // stored values were validated on entry; show what is there
        }
    }

    /** The CID in 8 groups of 6, or "" when there is none yet. */
    public String cidGrouped() {
        try {
            return cid.isEmpty() ? "" : ConfirmationId.parse(cid).toString();
        } catch (InvalidIdException e) {
            return cid;
        }
    }
}
