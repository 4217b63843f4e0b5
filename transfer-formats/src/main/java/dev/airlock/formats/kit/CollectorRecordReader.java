package dev.airlock.formats.kit;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.xml.XmlFactory;
import com.fasterxml.jackson.dataformat.xml.XmlMapper;
import dev.airlock.formats.ids.ApplicationId;
import dev.airlock.formats.ids.ExtendedProductId;
import dev.airlock.formats.ids.InstallationId;
import dev.airlock.formats.ids.InvalidIdException;
import dev.airlock.formats.ids.PartialProductKey;
import dev.airlock.formats.ids.SkuId;
import dev.airlock.formats.outside.OutsideText;
import dev.airlock.formats.xml.HardenedXml;
import dev.airlock.formats.xml.XmlRefusedException;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.transform.stax.StAXSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads collector record files, hardened: size limit, strict UTF-8, no DTDs or entities, the
 * XSD, then Jackson binding and identifier parsing. Thread-safe; build one and reuse it.
 */
public final class CollectorRecordReader {
    /** A machine record is a few KB; anything near this is not one. */
    public static final int MAX_BYTES = 1 << 20;
    /** What a refused file should have been, as the shared XML checks say it. */
    private static final String FORMAT = "a collector record";
    /** How deep a record's elements may nest. */
    private static final int MAX_DEPTH = 12;

    private static final Pattern CVC_PREFIX = Pattern.compile("^cvc-[a-zA-Z0-9.-]+:\\s*");
    private static final Pattern QUALIFIED = Pattern.compile("\\{?\"" + Pattern.quote(CollectorRecord.NAMESPACE)
            + "\":([A-Za-z]+)\\}?");

    private static final Pattern LONG_QUOTED = Pattern.compile("'([^']{60})[^']{21,}'");

    private final XMLInputFactory staxFactory = HardenedXml.inputFactory();
    private final Schema schema;
    private final XmlMapper mapper;

    public CollectorRecordReader() {
        try (InputStream xsd = CollectorRecordReader.class.getResourceAsStream(CollectorRecord.XSD_RESOURCE)) {
            if (xsd == null) {
                throw new IllegalStateException("missing resource " + CollectorRecord.XSD_RESOURCE);
            }
            SchemaFactory sf = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            sf.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            sf.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            sf.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            schema = sf.newSchema(new javax.xml.transform.stream.StreamSource(xsd));
        } catch (IOException | SAXException e) {
            throw new IllegalStateException("cannot load " + CollectorRecord.XSD_RESOURCE, e);
        }
        mapper = XmlMapper.builder(XmlFactory.builder().xmlInputFactory(HardenedXml.inputFactory()).build())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
        mapper.setVisibility(com.fasterxml.jackson.annotation.PropertyAccessor.FIELD,
                com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility.ANY);
    }

    /** Reads one file; the exception message names the file's problem (the caller names the file). */
    public CollectorRecord read(Path file) throws IOException, MalformedRecordException {
        return read(readFileBytes(file));
    }

    /** The bytes of a file that may be a record, refusing one larger than {@link #MAX_BYTES} before reading it. */
    public static byte[] readFileBytes(Path file) throws IOException, MalformedRecordException {
        try {
            return HardenedXml.readLimited(file, MAX_BYTES, FORMAT);
        } catch (XmlRefusedException e) {
            // readLimited refuses only a file over the limit: say so in a record's own terms
            throw tooLarge(sizeOver(file));
        }
    }

    /** The size of a file found over the limit (at least one byte over if it cannot be asked again). */
    private static long sizeOver(Path file) {
        try {
            return Math.max(Files.size(file), MAX_BYTES + 1L);
        } catch (IOException e) {
            return MAX_BYTES + 1L;
        }
    }

    private static MalformedRecordException tooLarge(long size) {
        // at the edge both round to "1.0 MiB": then say the exact byte counts
        boolean sameRounded = humanSize(size).equals(humanSize(MAX_BYTES));
        return new MalformedRecordException("file is too large (" + (sameRounded ? size + " bytes" : humanSize(size))
                + "); a collector record is at most " + (sameRounded ? MAX_BYTES + " bytes" : humanSize(MAX_BYTES))
                + ", so this is not one");
    }

    /** Reads a record from bytes (at most {@link #MAX_BYTES}). */
    public CollectorRecord read(byte[] bytes) throws MalformedRecordException {
        if (bytes.length > MAX_BYTES) {
            throw tooLarge(bytes.length);
        }
        if (bytes.length == 0) {
            throw new MalformedRecordException("file is empty (0 bytes): the collector was probably interrupted;"
                    + " run it again on that machine");
        }
        String text;
        try {
            text = HardenedXml.decodeUtf8(bytes, "file", FORMAT);
            if (text.isBlank()) {
                throw new MalformedRecordException(
                        "file holds only white space: run the collector again on that machine");
            }
            HardenedXml.prescan(staxFactory, text, "MachineRecord", CollectorRecord.NAMESPACE, "formatVersion",
                    CollectorRecord.FORMAT_VERSION, MAX_DEPTH, "file", FORMAT,
                    "update Airlock or use the collector kit it writes");
        } catch (XmlRefusedException e) {
            throw new MalformedRecordException(e.getMessage(), e);
        }
        validate(text);
        RecordXml xml;
        try {
            xml = mapper.readValue(new StringReader(text), RecordXml.class);
        } catch (UnrecognizedPropertyException e) {
            throw new MalformedRecordException("unexpected element or attribute '" + e.getPropertyName() + "'");
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new MalformedRecordException("cannot read the record: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new MalformedRecordException("cannot read the record: " + e.getMessage(), e);
        }
        return toRecord(xml);
    }

    private void validate(String text) throws MalformedRecordException {
        XMLStreamReader r = null;
        try {
            r = staxFactory.createXMLStreamReader(new StringReader(text));
            Validator v = schema.newValidator();
            v.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            v.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            v.validate(new StAXSource(r));
        } catch (SAXParseException e) {
            throw new MalformedRecordException("line " + e.getLineNumber() + ": " + plain(e.getMessage()));
        } catch (SAXException | IOException e) {
            // the StAX validator wraps the schema error in TransformerException and XMLStreamException
            SAXParseException located = HardenedXml.located(e);
            if (located != null) {
                throw new MalformedRecordException("line " + located.getLineNumber() + ": "
                        + plain(located.getMessage()));
            }
            throw new MalformedRecordException("does not match the collector record format: " + plain(e.getMessage()));
        } catch (XMLStreamException e) {
            throw new MalformedRecordException("is not well-formed XML: " + HardenedXml.describe(e));
        } finally {
            HardenedXml.closeQuietly(r);
        }
    }

    /** Turns schema-validator wording into something a technician can act on. */
    static String plain(String message) {
        if (message == null) {
            return "does not match the collector record format";
        }
        String m = CVC_PREFIX.matcher(message).replaceFirst("");
        Matcher q = QUALIFIED.matcher(m);
        m = q.replaceAll("<$1>");
        m = m.replace("'{", "").replace("}'", "").replace("'<", "<").replace(">'", ">");
        // a huge value (up to the size limit) would make the message unreadable: shorten it
        m = LONG_QUOTED.matcher(m).replaceAll("'$1...'");
        return m.strip();
    }

    private static CollectorRecord toRecord(RecordXml xml) throws MalformedRecordException {
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

    static String humanSize(long bytes) {
        if (bytes >= 1 << 20) {
            return String.format(java.util.Locale.ROOT, "%.1f MiB", bytes / 1048576.0);
        }
        if (bytes >= 1 << 10) {
            return String.format(java.util.Locale.ROOT, "%.1f KiB", bytes / 1024.0);
        }
        return bytes + " bytes";
    }
}
