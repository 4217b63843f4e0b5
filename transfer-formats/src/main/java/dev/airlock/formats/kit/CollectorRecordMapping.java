package dev.airlock.formats.kit;

import dev.airlock.formats.ids.ApplicationId;
import dev.airlock.formats.ids.ExtendedProductId;
import dev.airlock.formats.ids.InstallationId;
import dev.airlock.formats.ids.InvalidIdException;
import dev.airlock.formats.ids.PartialProductKey;
import dev.airlock.formats.ids.SkuId;
import dev.airlock.formats.outside.OutsideText;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps a collector record's bound XML (already size-checked, well-formed and valid against the
 * XSD) to a {@link CollectorRecord}: plain-text checks on every value from the machine, identifier
 * parsing, and the rules a real machine never breaks (one product per SKU, one IID per product).
 */
final class CollectorRecordMapping {
    private CollectorRecordMapping() {}

    static CollectorRecord toRecord(RecordXml xml) throws MalformedRecordException {
        plainTexts(xml);
        Instant collected;
        try {
            collected = Instant.parse(xml.collected.strip());
        } catch (DateTimeParseException | NullPointerException e) {
            throw new MalformedRecordException("Collected '" + xml.collected
                    + "' is not a UTC time like 2026-11-22T10:15:30Z");
        }
        RecordXml.MachineXml m = xml.machine;
        if (m.hostName == null || m.hostName.isBlank()) {
            throw new MalformedRecordException("HostName is empty: every record names its machine;"
                    + " collect the machine again");
        }
        MachineIdentity machine = new MachineIdentity(m.hostName.strip(), m.domain, "true".equals(trim(m.partOfDomain))
                || "1".equals(trim(m.partOfDomain)), m.fqdn, m.smbiosUuid, m.serialNumber, m.osCaption, m.osVersion,
                m.osBuild, cleaned(m.ipAddresses), cleaned(m.macAddresses));
        List<CollectedProduct> products = new ArrayList<>();
        Map<SkuId, Integer> skus = new HashMap<>();
        Map<InstallationId, Integer> iids = new HashMap<>();
        List<RecordXml.ProductXml> list = xml.products == null ? List.of() : xml.products;
        for (int i = 0; i < list.size(); i++) {
            CollectedProduct p = toProduct(i + 1, list.get(i));
            Integer sameSku = skus.putIfAbsent(p.skuId(), i + 1);
            if (sameSku != null) {
                throw new MalformedRecordException("products " + sameSku + " and " + (i + 1) + " have the same SKU ID "
                        + p.skuId() + " (" + p.name() + "): a machine reports each product once, so the file was"
                        + " edited or merged by hand; collect the machine again");
            }
            Integer sameIid = iids.putIfAbsent(p.iid(), i + 1);
            if (sameIid != null) {
                throw new MalformedRecordException("products " + sameIid + " and " + (i + 1)
                        + " have the same IID: two products never share one; collect the machine again");
            }
            products.add(p);
        }
        return new CollectorRecord(collected, xml.collectorVersion.strip(), machine, products);
    }

    /**
     * Refuses text from the machine that could be layout rather than data (a line break, a control
     * or bidi character, a noncharacter, a lone surrogate), naming the element and showing the value
     * escaped, so a forged host name can never split a row or reorder a screen.
     */
    private static void plainText(String element, String value) throws MalformedRecordException {
        if (value == null) {
            return;
        }
        value = value.strip(); // surrounding white space is dropped anyway
        java.util.Optional<String> problem = OutsideText.problem(value);
        if (problem.isPresent()) {
            String shown = OutsideText.shown(value.length() > 80 ? value.substring(0, 80) + "..." : value);
            throw new MalformedRecordException(element + " '" + shown + "' " + problem.get() + ": a machine reports"
                    + " it as one plain line, so the file was made or edited by hand; collect the machine again");
        }
    }

    private static void plainTexts(RecordXml xml) throws MalformedRecordException {
        plainText("collectorVersion", xml.collectorVersion);
        plainText("Collected", xml.collected);
        RecordXml.MachineXml m = xml.machine;
        if (m != null) {
            plainText("HostName", m.hostName);
            plainText("Domain", m.domain);
            plainText("PartOfDomain", m.partOfDomain);
            plainText("Fqdn", m.fqdn);
            plainText("SmbiosUuid", m.smbiosUuid);
            plainText("SerialNumber", m.serialNumber);
            plainText("OsCaption", m.osCaption);
            plainText("OsVersion", m.osVersion);
            plainText("OsBuild", m.osBuild);
            for (String ip : m.ipAddresses == null ? List.<String>of() : m.ipAddresses) {
                plainText("IpAddress", ip);
            }
            for (String mac : m.macAddresses == null ? List.<String>of() : m.macAddresses) {
                plainText("MacAddress", mac);
            }
        }
        List<RecordXml.ProductXml> list = xml.products == null ? List.of() : xml.products;
        for (int i = 0; i < list.size(); i++) {
            RecordXml.ProductXml p = list.get(i);
            String where = "product " + (i + 1) + ": ";
            plainText(where + "Name", p.name);
            plainText(where + "Description", p.description);
            plainText(where + "ProductKeyChannel", p.productKeyChannel);
            plainText(where + "ID", p.id);
            plainText(where + "ApplicationID", p.applicationId);
            plainText(where + "PartialProductKey", p.partialProductKey);
            plainText(where + "ProductKeyID", p.productKeyId);
            plainText(where + "OfflineInstallationId", p.offlineInstallationId);
            plainText(where + "LicenseStatus", p.licenseStatus);
            plainText(where + "GracePeriodRemaining", p.gracePeriodRemaining);
            plainText(where + "class", p.productClass);
        }
    }

    private static CollectedProduct toProduct(int n, RecordXml.ProductXml p) throws MalformedRecordException {
        String where = "product " + n + " (" + OutsideText.shown(trim(p.name)) + ")";
        try {
            long grace;
            int status;
            try {
                status = Integer.parseInt(trim(p.licenseStatus));
                grace = Long.parseLong(trim(p.gracePeriodRemaining));
            } catch (NumberFormatException e) {
                throw new MalformedRecordException(where + ": LicenseStatus and GracePeriodRemaining must be numbers");
            }
            LicenseStatus licenseStatus;
            try {
                licenseStatus = LicenseStatus.ofCode(status);
            } catch (IllegalArgumentException e) {
                throw new MalformedRecordException(where + ": " + e.getMessage());
            }
            return new CollectedProduct(
                    ProductClass.ofWmiName(trim(p.productClass)),
                    field(where, "ID", () -> SkuId.parse(p.id)),
                    field(where, "ApplicationID", () -> ApplicationId.parse(p.applicationId)),
                    trim(p.name),
                    trim(p.description),
                    field(where, "PartialProductKey", () -> PartialProductKey.parse(p.partialProductKey)),
                    field(where, "ProductKeyID", () -> ExtendedProductId.parse(p.productKeyId)),
                    trim(p.productKeyChannel),
                    licenseStatus,
                    grace,
                    field(where, "OfflineInstallationId", () -> InstallationId.parse(p.offlineInstallationId)));
        } catch (IllegalArgumentException e) {
            throw new MalformedRecordException(where + ": " + e.getMessage());
        }
    }

    private interface IdParser<T> {
        T parse() throws InvalidIdException;
    }

    private static <T> T field(String where, String element, IdParser<T> parser) throws MalformedRecordException {
        try {
            return parser.parse();
        } catch (InvalidIdException e) {
            throw new MalformedRecordException(where + ": " + element + ": " + e.getMessage());
        }
    }

    private static List<String> cleaned(List<String> values) {
        if (values == null) {
            return List.of();
        }
        return values.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).toList();
    }

    private static String trim(String s) {
        return s == null ? "" : s.strip();
    }
}
