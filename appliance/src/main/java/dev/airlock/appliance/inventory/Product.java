package dev.airlock.appliance.inventory;

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
        Instant lastSeen) {}
