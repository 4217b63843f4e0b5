package dev.airlock.formats.kit;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Who a lab machine is (PII: stays in the lab). Absent text values are empty strings, never null.
 *
 * @param hostName     Win32_ComputerSystem.Name (required)
 * @param domain       domain or workgroup name
 * @param partOfDomain whether {@code domain} is a domain (else a workgroup)
 * @param fqdn         fully qualified host name when domain-joined
 * @param smbiosUuid   Win32_ComputerSystemProduct.UUID, upper case
 * @param serialNumber Win32_ComputerSystemProduct.IdentifyingNumber
 */
public record MachineIdentity(
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
        List<String> macAddresses) {

    /** SMBIOS UUIDs that cheap boards report for every unit; useless for telling machines apart. */
    private static final List<String> PLACEHOLDER_UUIDS = List.of(
            "00000000-0000-0000-0000-000000000000", "FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF",
            "03000200-0400-0500-0006-000700080009");

    public MachineIdentity {
        Objects.requireNonNull(hostName, "hostName");
        if (hostName.isBlank()) {
            throw new IllegalArgumentException("hostName is blank");
        }
        domain = orEmpty(domain);
        fqdn = orEmpty(fqdn);
        smbiosUuid = orEmpty(smbiosUuid).toUpperCase(Locale.ROOT);
        serialNumber = orEmpty(serialNumber);
        osCaption = orEmpty(osCaption);
        osVersion = orEmpty(osVersion);
        osBuild = orEmpty(osBuild);
        ipAddresses = List.copyOf(ipAddresses);
        macAddresses = List.copyOf(macAddresses);
    }

    /** The SMBIOS UUID when it can tell this machine from others (not empty, not a known placeholder). */
    public boolean hasUsableUuid() {
        return !smbiosUuid.isEmpty() && !PLACEHOLDER_UUIDS.contains(smbiosUuid);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s.strip();
    }
}
