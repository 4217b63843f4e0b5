package dev.airlock.formats.kit;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.xml.XmlFactory;
import com.fasterxml.jackson.dataformat.xml.XmlMapper;
import dev.airlock.formats.xml.HardenedXml;
import dev.airlock.formats.xml.SchemaValidators;
import dev.airlock.formats.xml.XmlRefusedException;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.transform.stax.StAXSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads collector record files, hardened: size limit, strict UTF-8, no DTDs or entities, the
 * XSD, then Jackson binding; {@link CollectorRecordMapping} turns the bound XML into a record
 * (plain-text checks, identifier parsing). Thread-safe; build one and reuse it.
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
    private final SchemaValidators validators;
    private final XmlMapper mapper;

    public CollectorRecordReader() {
        validators = KitXml.validators(CollectorRecord.XSD_RESOURCE);
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
        return CollectorRecordMapping.toRecord(xml);
    }

    private void validate(String text) throws MalformedRecordException {
        XMLStreamReader r = null;
        try {
            r = staxFactory.createXMLStreamReader(new StringReader(text));
            validators.validate(new StAXSource(r));
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

    /** A size as people read it: bytes, KiB or MiB. */
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
