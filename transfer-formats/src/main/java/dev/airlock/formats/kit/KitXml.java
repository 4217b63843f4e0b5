package dev.airlock.formats.kit;

import dev.airlock.formats.xml.HardenedXml;
import dev.airlock.formats.xml.SchemaValidators;
import dev.airlock.formats.xml.XmlRefusedException;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.transform.Source;
import javax.xml.transform.stax.StAXSource;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/** Hardened reading helpers shared by the activation kit and apply result readers. */
final class KitXml {
    private KitXml() {}

    /** Schemas compiled so far with their reusable validators, by their resources: once per process. */
    private static final java.util.Map<List<String>, SchemaValidators> SCHEMAS =
            new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The XSDs at these classpath locations compiled together (imported ones first), once per
     * process; nothing is fetched.
     */
    static SchemaValidators validators(String... resources) {
        return SCHEMAS.computeIfAbsent(List.of(resources), r -> new SchemaValidators(compile(resources)));
    }

    private static Schema compile(String... resources) {
        List<Source> sources = new ArrayList<>();
        List<InputStream> open = new ArrayList<>();
        try {
            for (String r : resources) {
                InputStream in = KitXml.class.getResourceAsStream(r);
                if (in == null) {
                    throw new IllegalStateException("missing resource " + r);
                }
                open.add(in);
                sources.add(new StreamSource(in, r));
            }
            SchemaFactory sf = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            sf.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            sf.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            sf.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return sf.newSchema(sources.toArray(Source[]::new));
        } catch (SAXException e) {
            throw new IllegalStateException("cannot load " + String.join(", ", resources), e);
        } finally {
            for (InputStream in : open) {
                try {
                    in.close();
                } catch (IOException ignored) {
                    // a classpath stream: nothing to lose
                }
            }
        }
    }

    /**
     * Decodes and pre-checks a file: strict UTF-8, no DOCTYPE or entities, depth, the root
     * element's name, namespace and {@code formatVersion}.
     */
    static String decodeAndScan(XMLInputFactory factory, byte[] bytes, int maxBytes, String root, String namespace,
            int maxDepth, String format) throws MalformedRecordException {
        if (bytes.length > maxBytes) {
            throw new MalformedRecordException(HardenedXml.tooLarge(bytes.length, maxBytes, format).getMessage());
        }
        if (bytes.length == 0) {
            throw new MalformedRecordException("file is empty (0 bytes): it is not " + format);
        }
        String text;
        try {
            text = HardenedXml.decodeUtf8(bytes, "file", format);
        } catch (XmlRefusedException e) {
            throw new MalformedRecordException(e.getMessage(), e);
        }
        if (text.isBlank()) {
            throw new MalformedRecordException("file holds only white space: it is not " + format);
        }
        XMLStreamReader r = null;
        try {
            r = factory.createXMLStreamReader(new StringReader(text));
            int depth = 0;
            boolean rootSeen = false;
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.DTD) {
                    throw new MalformedRecordException("file contains a DOCTYPE declaration (line "
                            + r.getLocation().getLineNumber() + "); DTDs and entities are refused for safety");
                } else if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                    throw new MalformedRecordException("file uses an entity reference (line "
                            + r.getLocation().getLineNumber() + "); entities are refused for safety");
                } else if (event == XMLStreamConstants.START_ELEMENT) {
                    if (++depth > maxDepth) {
                        throw new MalformedRecordException("file nests elements deeper than " + maxDepth
                                + " levels (line " + r.getLocation().getLineNumber() + ")");
                    }
                    if (!rootSeen) {
                        rootSeen = true;
                        checkRoot(r, root, namespace, format);
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                }
            }
            if (!rootSeen) {
                throw new MalformedRecordException("file has no XML element in it; it is not " + format);
            }
        } catch (XMLStreamException e) {
            throw new MalformedRecordException("file is not well-formed XML: " + HardenedXml.describe(e));
        } finally {
            HardenedXml.closeQuietly(r);
        }
        return text;
    }

    private static void checkRoot(XMLStreamReader r, String root, String namespace, String format)
            throws MalformedRecordException {
        String ns = r.getNamespaceURI() == null ? "" : r.getNamespaceURI();
        if (!root.equals(r.getLocalName()) || !namespace.equals(ns)) {
            throw new MalformedRecordException("file starts with <" + HardenedXml.shorten(r.getLocalName())
                    + "> in namespace '" + HardenedXml.shorten(ns) + "', expected <" + root + "> in '" + namespace
                    + "': it is not " + format);
        }
        String v = r.getAttributeValue(null, "formatVersion");
        if (!"1".equals(v == null ? null : v.strip())) {
            throw new MalformedRecordException("file is format version " + (v == null ? "(none)"
                    : HardenedXml.shorten(v)) + "; this Airlock reads version 1 (update Airlock or write the file"
                    + " again with the kit it ships)");
        }
    }

    /** Validates with {@code validators}, naming the line of the first problem. */
    static void validate(SchemaValidators validators, XMLInputFactory factory, String text, String format)
            throws MalformedRecordException {
        XMLStreamReader r = null;
        try {
            r = factory.createXMLStreamReader(new StringReader(text));
            validators.validate(new StAXSource(r));
        } catch (SAXException | IOException e) {
            SAXParseException located = HardenedXml.located(e);
            if (located != null) {
                throw new MalformedRecordException("line " + located.getLineNumber() + ": "
                        + CollectorRecordReader.plain(located.getMessage()));
            }
            throw new MalformedRecordException("does not match " + format + ": "
                    + CollectorRecordReader.plain(e.getMessage()));
        } catch (XMLStreamException e) {
            throw new MalformedRecordException("file is not well-formed XML: " + HardenedXml.describe(e));
        } finally {
            HardenedXml.closeQuietly(r);
        }
    }

    /** A namespace-aware DOM of text that already passed {@link #decodeAndScan} and validation. */
    static Document dom(String text) throws MalformedRecordException {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            return f.newDocumentBuilder().parse(new InputSource(new StringReader(text)));
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser lacks a standard feature", e);
        } catch (SAXException | IOException e) {
            throw new MalformedRecordException("file is not well-formed XML: " + e.getMessage());
        }
    }

    /** Child elements of {@code parent} named {@code name} in {@code ns}, in document order. */
    static List<Element> children(Element parent, String ns, String name) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && ns.equals(e.getNamespaceURI()) && name.equals(e.getLocalName())) {
                out.add(e);
            }
        }
        return out;
    }

    /** The stripped text of the first child named {@code name}, or "" when there is none. */
    static String text(Element parent, String ns, String name) {
        List<Element> c = children(parent, ns, name);
        return c.isEmpty() ? "" : c.get(0).getTextContent().strip();
    }

    /** The first child named {@code name}; the schema guarantees required ones exist. */
    static Element child(Element parent, String ns, String name) {
        return children(parent, ns, name).get(0);
    }

    /** Text escaped for element content and attribute values. */
    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** Longest host-name part of a kit or result file name: the whole name stays far below vfat's 255. */
    static final int MAX_HOST_PART = 64;

    /**
     * The file name the kit and the collector use for a machine: {@code HOST_UUID}, unsafe characters
     * as _, the host part at most {@link #MAX_HOST_PART} characters (a longer one cut and hashed), so
     * a 255-character host name still makes a name vfat takes.
     */
    static String baseName(String hostName, String smbiosUuid) {
        return dev.airlock.formats.outside.OutsideText.fileNamePart(hostName, MAX_HOST_PART) + "_"
                + dev.airlock.formats.outside.OutsideText.fileNamePart(smbiosUuid == null || smbiosUuid.isEmpty()
                        ? "no-uuid" : smbiosUuid, MAX_HOST_PART);
    }
}
