package dev.airlock.appliance.inventory;

import java.time.Instant;
import java.util.List;

/**
 * A lab machine as recorded (PII: stays in the lab). Absent text values are empty strings.
 *
 * @param group  lab group name, "" when none
 * @param source "collector" or "manual"
 */
public record Machine(
        long id,
        String hostName,
        String domain,
        boolean partOfDomain,
        String fqdn,
        String smbiosUuid,
        String serialNumber,
        String osCaption,
        String osVersion,
        String osBuild,
        List<String> ipAddresses,
        List<String> macAddresses,
        String group,
        String source,
        Instant firstCollected,
        Instant lastCollected) {

    public Machine {
        ipAddresses = List.copyOf(ipAddresses);
        macAddresses = List.copyOf(macAddresses);
    }
}
