package dev.airlock.formats.kit;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlElementWrapper;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import java.util.List;

/** Jackson binding of collector-record-1.xsd; element names are the XSD's (and WMI's). */
final class RecordXml {
    @JacksonXmlProperty(isAttribute = true, localName = "formatVersion")
    String formatVersion;

    @JacksonXmlProperty(isAttribute = true, localName = "collectorVersion")
    String collectorVersion;

    @JacksonXmlProperty(localName = "Collected")
    String collected;

    @JacksonXmlProperty(localName = "Machine")
    MachineXml machine;

    @JacksonXmlElementWrapper(localName = "Products")
    @JacksonXmlProperty(localName = "Product")
    List<ProductXml> products;

    static final class MachineXml {
        @JacksonXmlProperty(localName = "HostName")
        String hostName;

        @JacksonXmlProperty(localName = "Domain")
        String domain;

        @JacksonXmlProperty(localName = "PartOfDomain")
        String partOfDomain;

        @JacksonXmlProperty(localName = "Fqdn")
        String fqdn;

        @JacksonXmlProperty(localName = "SmbiosUuid")
        String smbiosUuid;

        @JacksonXmlProperty(localName = "SerialNumber")
        String serialNumber;

        @JacksonXmlProperty(localName = "OsCaption")
        String osCaption;

        @JacksonXmlProperty(localName = "OsVersion")
        String osVersion;

        @JacksonXmlProperty(localName = "OsBuild")
        String osBuild;

        @JacksonXmlElementWrapper(localName = "IpAddresses")
        @JacksonXmlProperty(localName = "IpAddress")
        List<String> ipAddresses;

        @JacksonXmlElementWrapper(localName = "MacAddresses")
        @JacksonXmlProperty(localName = "MacAddress")
        List<String> macAddresses;
    }

    static final class ProductXml {
        @JacksonXmlProperty(isAttribute = true, localName = "class")
        String productClass;

        @JacksonXmlProperty(localName = "ID")
        String id;

        @JacksonXmlProperty(localName = "ApplicationID")
        String applicationId;

        @JacksonXmlProperty(localName = "Name")
        String name;

        @JacksonXmlProperty(localName = "Description")
        String description;

        @JacksonXmlProperty(localName = "PartialProductKey")
        String partialProductKey;

        @JacksonXmlProperty(localName = "ProductKeyID")
        String productKeyId;

        @JacksonXmlProperty(localName = "ProductKeyChannel")
        String productKeyChannel;

        @JacksonXmlProperty(localName = "LicenseStatus")
        String licenseStatus;

        @JacksonXmlProperty(localName = "GracePeriodRemaining")
        String gracePeriodRemaining;

        @JacksonXmlProperty(localName = "OfflineInstallationId")
        String offlineInstallationId;
    }
}
