package dev.airlock.formats.xml;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Hardened XML intake shared by the file formats: {@code what} names the input in messages
 * ("file"), {@code format} names what it should be ("an Airlock bundle file").
 */
public final class HardenedXml {
    private static final Pattern ENCODING_DECL =
            Pattern.compile("^<\\?xml[^>]*encoding\\s*=\\s*[\"']([^\"']+)[\"']");

    private HardenedXml() {}

    /** A StAX factory with DTDs and external entities switched off. */
    public static XMLInputFactory inputFactory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        return f;
    }

    /**
     * Reads a regular file of at most {@code maxBytes}, refusing a larger one before reading it.
     *
     * @throws XmlRefusedException only when the file is over the limit ({@link #tooLarge})
     */
    public static byte[] readLimited(Path file, int maxBytes, String format) throws IOException, XmlRefusedException {
        // a link, a pipe or a device is refused by its attributes before anything opens it
        byte[] bytes;
        try {
            bytes = dev.airlock.formats.outside.OutsideFiles.readLimited(file, maxBytes);
        } catch (dev.airlock.formats.outside.TooLargeException e) {
            throw tooLarge(e.size(), maxBytes, format);
        }
        if (bytes.length > maxBytes) {
            throw tooLarge(bytes.length, maxBytes, format);
        }
        return bytes;
    }

    /** The message for an input over the limit. */
    public static XmlRefusedException tooLarge(long size, long maxBytes, String format) {
        return new XmlRefusedException("file is too large (" + size + " bytes); " + format + " is at most "
                + maxBytes + " bytes, so this is not one");
    }

    /** Decodes strict UTF-8 (a UTF-8 BOM is allowed), refusing binary content and other encodings. */
    public static String decodeUtf8(byte[] bytes, String what, String format) throws XmlRefusedException {
        int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB
                && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
        if (bytes.length >= 2 && ((bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xFE
                || (bytes[0] & 0xff) == 0xFE && (bytes[1] & 0xff) == 0xFF)) {
            throw new XmlRefusedException(what + " is UTF-16 text; it must be UTF-8, as " + format + " always is");
        }
        for (int i = start; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw new XmlRefusedException(what + " is not a text file (byte 0x00 at offset " + i + "); it is not "
                        + format);
            }
        }
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(in).toString();
        } catch (MalformedInputException e) {
            int offset = in.position();
            throw new XmlRefusedException(what + " is not valid UTF-8: byte 0x"
                    + String.format("%02X", bytes[offset] & 0xff) + " at offset " + offset
                    + " (the file was saved in another encoding or is damaged)");
        } catch (CharacterCodingException e) {
            throw new XmlRefusedException(what + " is not valid UTF-8 text");
        }
        Matcher m = ENCODING_DECL.matcher(text);
        if (m.find()) {
            String declared = m.group(1).toLowerCase(Locale.ROOT);
            if (!declared.equals("utf-8") && !declared.equals("utf8")) {
                throw new XmlRefusedException(what + " declares encoding '" + shorten(m.group(1))
                        + "'; only UTF-8 is accepted");
            }
        }
        return text;
    }

    /**
     * Walks the whole document once: refuses DOCTYPEs and entity references, checks the root
     * element, its namespace and version attribute, every element's namespace and the depth.
     */
    public static void prescan(XMLInputFactory factory, String text, String rootName, String namespace,
            String versionAttribute, String version, int maxDepth, String what, String format)
            throws XmlRefusedException {
        prescan(factory, text, rootName, namespace, versionAttribute, version, maxDepth, what, format,
                "update Airlock on this side");
    }

    /**
     * As {@link #prescan(XMLInputFactory, String, String, String, String, String, int, String, String)},
     * with the advice a reader of another format version gets, e.g. "update Airlock on this side".
     */
    public static void prescan(XMLInputFactory factory, String text, String rootName, String namespace,
            String versionAttribute, String version, int maxDepth, String what, String format, String versionAdvice)
            throws XmlRefusedException {
        XMLStreamReader r = null;
        try {
            r = factory.createXMLStreamReader(new StringReader(text));
            int depth = 0;
            boolean rootSeen = false;
            while (r.hasNext()) {
                int event = r.next();
                switch (event) {
                    case XMLStreamConstants.DTD -> throw new XmlRefusedException(what
                            + " contains a DOCTYPE declaration (line " + r.getLocation().getLineNumber()
                            + "); DTDs and entities are refused for safety, and " + format + " never has one");
                    case XMLStreamConstants.ENTITY_REFERENCE -> throw new XmlRefusedException(what
                            + " uses an entity reference '&" + shorten(r.getLocalName()) + ";' (line "
                            + r.getLocation().getLineNumber() + "); entities are refused for safety");
                    case XMLStreamConstants.START_ELEMENT -> {
                        depth++;
                        if (depth > maxDepth) {
                            throw new XmlRefusedException(what + " nests elements deeper than " + maxDepth
                                    + " levels (line " + r.getLocation().getLineNumber() + ")");
                        }
                        if (!rootSeen) {
                            rootSeen = true;
                            checkRoot(r, rootName, namespace, versionAttribute, version, what, format, versionAdvice);
                        } else if (!namespace.equals(r.getNamespaceURI())) {
                            throw new XmlRefusedException(what + ": element <" + shorten(r.getLocalName())
                                    + "> on line " + r.getLocation().getLineNumber() + " is in namespace '"
                                    + shorten(r.getNamespaceURI()) + "', expected '" + namespace + "'");
                        }
                    }
                    case XMLStreamConstants.END_ELEMENT -> depth--;
                    default -> { }
                }
            }
            if (!rootSeen) {
                throw new XmlRefusedException(what + " has no XML element in it; it is not " + format);
            }
        } catch (XMLStreamException e) {
            throw new XmlRefusedException(what + " is not well-formed XML: " + describe(e));
        } finally {
            closeQuietly(r);
        }
    }

    private static void checkRoot(XMLStreamReader r, String rootName, String namespace, String versionAttribute,
            String version, String what, String format, String versionAdvice) throws XmlRefusedException {
        if (!rootName.equals(r.getLocalName())) {
            throw new XmlRefusedException(what + " starts with <" + shorten(r.getLocalName()) + ">, expected <"
                    + rootName + ">: it is not " + format);
        }
        String ns = r.getNamespaceURI() == null ? "" : r.getNamespaceURI();
        if (!namespace.equals(ns)) {
            throw new XmlRefusedException(what + ": <" + rootName + "> is in namespace '" + shorten(ns)
                    + "', expected '" + namespace + "'" + (ns.isEmpty() ? " (the namespace is missing)" : ""));
        }
        String v = r.getAttributeValue(null, versionAttribute);
        if (v == null) {
            throw new XmlRefusedException(what + ": <" + rootName + "> has no " + versionAttribute
                    + " attribute; expected " + versionAttribute + "=\"" + version + "\"");
        }
        if (!version.equals(v.strip())) {
            throw new XmlRefusedException(what + " is format version " + shorten(v) + "; this Airlock reads version "
                    + version + " (" + versionAdvice + ")");
        }
    }

    /** A parser error as "line L, column C: message", without parser jargon. */
    public static String describe(XMLStreamException e) {
        String msg = e.getMessage() == null ? "unreadable" : e.getMessage();
        int nl = msg.indexOf("\n at ");
        if (nl >= 0) {
            msg = msg.substring(0, nl);
        }
        msg = msg.replaceFirst("^ParseError at \\[row,col\\]:\\[\\d+,\\d+\\]\\s*Message:\\s*", "").strip();
        if (e.getLocation() != null && e.getLocation().getLineNumber() > 0) {
            return "line " + e.getLocation().getLineNumber() + ", column " + e.getLocation().getColumnNumber()
                    + ": " + msg;
        }
        return msg;
    }

    /** Text from the file, cut for a message: a hostile value must not flood the screen. */
    public static String shorten(String s) {
        if (s == null) {
            return "";
        }
        return s.length() <= 80 ? s : s.substring(0, 60) + "... (" + s.length() + " characters)";
    }

    public static void closeQuietly(XMLStreamReader r) {
        if (r != null) {
            try {
                r.close();
            } catch (XMLStreamException ignored) {
                // nothing to release for a string source
            }
        }
    }

    /**
     * The located schema error inside what a validator threw (the StAX validator wraps it in
     * TransformerException and XMLStreamException), or null when there is none.
     */
    public static org.xml.sax.SAXParseException located(Throwable e) {
        Throwable t = e;
        for (int i = 0; t != null && i < 10; i++, t = t.getCause()) {
            if (t instanceof org.xml.sax.SAXParseException p) {
                return p;
            }
        }
        return null;
    }
}
