package dev.airlock.formats.bundle;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.xml.XmlFactory;
import com.fasterxml.jackson.dataformat.xml.XmlMapper;
import dev.airlock.formats.signature.BadSignatureException;
import dev.airlock.formats.signature.PublicKey;
import dev.airlock.formats.xml.HardenedXml;
import dev.airlock.formats.xml.XmlRefusedException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;
import javax.xml.transform.stax.StAXSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Rendering A: a bundle as one self-contained, human-readable XML file for a USB stick
 * (bundle-1.xsd). It shows every field, and carries the signed canonical payload, the signature
 * and the signer's public key (PEM) so openssl alone can check it (FORMAT.md). The reader
 * decodes from the signed payload and refuses a file whose readable part says anything else.
 */
public final class BundleFile {
    /** Largest file accepted; a 20,000-record request is about 5 MB. */
    public static final int MAX_BYTES = 16 << 20;
    /** XSD resource on the classpath. */
    public static final String XSD_RESOURCE = "/dev/airlock/formats/bundle/bundle-1.xsd";
    private static final String FORMAT = "an Airlock bundle file";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);

    private BundleFile() {}

    /** The file name: {@code airlock-<kind>-<8 hex of id>-<yyyyMMdd>.xml} (key cards: of the key id). */
    public static String fileName(SignedBundle bundle) {
        Object c = bundle.content();
        String shortId;
        java.time.Instant created;
        if (c instanceof RequestBundle r) {
            shortId = r.id().shortId();
            created = r.created();
        } else if (c instanceof ResponseBundle r) {
            shortId = r.id().shortId();
            created = r.created();
        } else {
            KeyCard k = (KeyCard) c;
            shortId = k.key().id().toString().substring(0, 8);
            created = k.created();
        }
        return "airlock-" + bundle.kind().word() + "-" + shortId + "-" + DAY.format(created) + ".xml";
    }

    /** The file's bytes (UTF-8). {@code signerKey} is the key that signed it; it is embedded as PEM. */
    public static byte[] write(SignedBundle bundle, PublicKey signerKey) {
        if (!signerKey.id().equals(bundle.signer())) {
            throw new IllegalArgumentException("the bundle is signed by " + bundle.signer() + ", not by " + signerKey.id());
        }
        BundleXml x = BundleXml.of(bundle, signerKey);
        ByteArrayOutputStream out = new ByteArrayOutputStream(bundle.payload().length * 8 + 2048);
        try {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            Writer xw = new Writer(w);
            w.writeStartDocument("UTF-8", "1.0");
            w.writeCharacters("\n");
            w.writeComment(" Airlock " + x.kind + " bundle. The readable part is checked against the signed payload"
                    + " when read; to check the signature with openssl alone, see FORMAT.md. ");
            w.writeCharacters("\n");
            w.writeStartElement("", "Bundle", BundleXml.NAMESPACE);
            w.writeDefaultNamespace(BundleXml.NAMESPACE);
            w.writeAttribute("formatVersion", x.formatVersion);
            w.writeAttribute("kind", x.kind);
            if (x.request != null) {
                writeRequest(xw, x.request);
            } else if (x.response != null) {
                writeResponse(xw, x.response);
            } else {
                BundleXml.KeyCardXml k = x.keyCard;
                xw.empty(1, "KeyCard", "role", k.role, "label", k.label, "keyId", k.keyId, "fingerprint",
                        k.fingerprint, "created", k.created);
            }
            BundleXml.SignatureXml s = x.signature;
            xw.start(1, "Signature", "algorithm", s.algorithm, "tag", s.tag, "signerKeyId", s.signerKeyId,
                    "signerFingerprint", s.signerFingerprint);
            xw.text(2, "Payload", s.payload);
            xw.text(2, "SignatureValue", s.value);
            xw.indent(2);
            w.writeStartElement("", "PublicKey", BundleXml.NAMESPACE);
            // PEM lines start at column 1 so `sed -n '/^-----BEGIN/,/^-----END/p'` extracts them
            w.writeCharacters("\n" + s.publicKey + "\n    ");
            w.writeEndElement();
            xw.end(1);
            w.writeCharacters("\n");
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
            out.write('\n');
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
        return out.toByteArray();
    }

    private static void writeRequest(Writer xw, BundleXml.RequestXml r) throws XMLStreamException {
        xw.start(1, "Request", "id", r.id, "created", r.created, "signerKeyId", r.signerKeyId);
        xw.start(2, "Products");
        for (BundleXml.ProductXml p : r.products) {
            xw.empty(3, "Product", "index", p.index, "sku", p.sku, "application", p.application, "family", p.family,
                    "name", p.name);
        }
        xw.end(2);
        xw.start(2, "Epids");
        for (BundleXml.EpidXml e : r.epids) {
            xw.empty(3, "Epid", "index", e.index, "value", e.value);
        }
        xw.end(2);
        xw.start(2, "Records");
        for (BundleXml.RecordXml e : r.records) {
            xw.empty(3, "Record", "ref", e.ref, "product", e.product, "epid", e.epid, "iid", e.iid);
        }
        xw.end(2);
        xw.start(2, "CountQueries");
        for (BundleXml.QueryXml q : r.queries) {
            xw.empty(3, "CountQuery", "epid", q.epid, "partialKey", q.partialKey);
        }
        xw.end(2);
        xw.end(1);
    }

    private static void writeResponse(Writer xw, BundleXml.ResponseXml r) throws XMLStreamException {
        xw.start(1, "Response", "id", r.id, "requestId", r.requestId, "requestDigest", r.requestDigest, "created",
                r.created, "signerKeyId", r.signerKeyId);
        xw.start(2, "Answers");
        for (BundleXml.AnswerXml a : r.answers) {
            xw.empty(3, "Answer", "ref", a.ref, "cid", a.cid, "errorCode", a.errorCode, "errorText", a.errorText);
        }
        xw.end(2);
        xw.start(2, "Counts");
        for (BundleXml.CountXml c : r.counts) {
            xw.empty(3, "Count", "epid", c.epid, "partialKey", c.partialKey, "remaining", c.remaining);
        }
        xw.end(2);
        xw.end(1);
    }

    /** Two-space indented elements in the bundle namespace; null attributes are left out. */
    private record Writer(XMLStreamWriter w) {
        void indent(int depth) throws XMLStreamException {
            w.writeCharacters("\n" + "  ".repeat(depth));
        }

        void attributes(String... nameValues) throws XMLStreamException {
            for (int i = 0; i < nameValues.length; i += 2) {
                if (nameValues[i + 1] != null) {
                    w.writeAttribute(nameValues[i], nameValues[i + 1]);
                }
            }
        }

        void start(int depth, String name, String... attributes) throws XMLStreamException {
            indent(depth);
            w.writeStartElement("", name, BundleXml.NAMESPACE);
            attributes(attributes);
        }

        void end(int depth) throws XMLStreamException {
            indent(depth);
            w.writeEndElement();
        }

        void empty(int depth, String name, String... attributes) throws XMLStreamException {
            indent(depth);
            w.writeEmptyElement("", name, BundleXml.NAMESPACE);
            attributes(attributes);
        }

        void text(int depth, String name, String text) throws XMLStreamException {
            indent(depth);
            w.writeStartElement("", name, BundleXml.NAMESPACE);
            w.writeCharacters(text);
            w.writeEndElement();
        }
    }

    // --- reading ----------------------------------------------------------------------------

    /** Reads a bundle file, refusing one larger than {@link #MAX_BYTES} before reading it. */
    public static SignedBundle read(Path file) throws IOException, MalformedBundleException, BadSignatureException {
        try {
            return read(HardenedXml.readLimited(file, MAX_BYTES, FORMAT));
        } catch (XmlRefusedException e) {
            throw new MalformedBundleException(e.getMessage(), e);
        }
    }

    /**
     * Reads a bundle file: hardened XML checks, the XSD, strict decoding of the signed payload,
     * the embedded key and signature, then the readable part against the payload. Whether the
     * signer is trusted is the caller's decision ({@link SignedBundle#verify(PublicKey)}).
     */
    public static SignedBundle read(byte[] bytes) throws MalformedBundleException, BadSignatureException {
        if (bytes.length > MAX_BYTES) {
            throw new MalformedBundleException(HardenedXml.tooLarge(bytes.length, MAX_BYTES, FORMAT).getMessage());
        }
        if (bytes.length == 0) {
            throw new MalformedBundleException("file is empty (0 bytes): copy it again from the other side");
        }
        String text;
        try {
            text = HardenedXml.decodeUtf8(bytes, "file", FORMAT);
            if (text.isBlank()) {
                throw new MalformedBundleException("file holds only white space; it is not " + FORMAT);
            }
            HardenedXml.prescan(Holder.STAX, text, "Bundle", BundleXml.NAMESPACE, "formatVersion",
                    BundleXml.FORMAT_VERSION, 6, "file", FORMAT);
        } catch (XmlRefusedException e) {
            throw new MalformedBundleException(e.getMessage(), e);
        }
        validate(text);
        BundleXml x;
        try {
            x = Holder.XML.readValue(new StringReader(text), BundleXml.class);
        } catch (UnrecognizedPropertyException e) {
            throw new MalformedBundleException("file has an unexpected element or attribute '" + e.getPropertyName()
                    + "'");
        } catch (IOException e) {
            throw new MalformedBundleException("file cannot be read as a bundle: " + e.getMessage(), e);
        }
        x.normalize();
        BundleKind kind = BundleKind.ofWord(x.kind);
        if (kind == null) {
            throw new MalformedBundleException("file has the unknown kind '" + HardenedXml.shorten(x.kind) + "'");
        }
        BundleXml.SignatureXml s = x.signature;
        byte[] payload = base64(s.payload, "Payload");
        byte[] signature = base64(s.value, "SignatureValue");
        if (signature.length != SignedBundle.SIGNATURE_LENGTH) {
            throw new MalformedBundleException("file: the signature has " + signature.length
                    + " bytes; an Ed25519 signature has 64 (the file was cut or altered)");
        }
        SignedBundle bundle = SignedBundle.assemble(kind, payload, signature);
        PublicKey key = pem(s.publicKey);
        if (!key.id().equals(bundle.signer())) {
            throw new MalformedBundleException("file: the public key in it (" + key.id()
                    + ") is not the key the payload names as signer (" + bundle.signer() + ")");
        }
        bundle.verify(key);
        compare(x, BundleXml.of(bundle, key));
        return bundle;
    }

    private static byte[] base64(String text, String element) throws MalformedBundleException {
        if (text == null || text.isEmpty()) {
            throw new MalformedBundleException("file: <" + element + "> is empty");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new MalformedBundleException("file: <" + element + "> is not valid base64 (" + e.getMessage() + ")");
        }
        if (!Base64.getEncoder().encodeToString(bytes).equals(text)) {
            throw new MalformedBundleException("file: <" + element + "> is not valid base64 (wrong length, padding"
                    + " or unused bits): the file was cut or edited");
        }
        return bytes;
    }

    private static PublicKey pem(String text) throws MalformedBundleException {
        String begin = "-----BEGIN PUBLIC KEY-----";
        String end = "-----END PUBLIC KEY-----";
        if (text == null || !text.startsWith(begin) || !text.endsWith(end)) {
            throw new MalformedBundleException("file: <PublicKey> is not a PEM public key");
        }
        String body = text.substring(begin.length(), text.length() - end.length()).strip();
        byte[] der;
        try {
            der = Base64.getDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            throw new MalformedBundleException("file: <PublicKey> is not valid base64 inside its PEM lines");
        }
        byte[] prefix = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};
        if (der.length != prefix.length + PublicKey.LENGTH
                || !java.util.Arrays.equals(der, 0, prefix.length, prefix, 0, prefix.length)) {
            throw new MalformedBundleException("file: <PublicKey> is not an Ed25519 public key");
        }
        try {
            return PublicKey.ofRaw(java.util.Arrays.copyOfRange(der, prefix.length, der.length));
        } catch (IllegalArgumentException e) {
            throw new MalformedBundleException("file: <PublicKey> is not a valid Ed25519 public key");
        }
    }

    private static void validate(String text) throws MalformedBundleException {
        XMLStreamReader r = null;
        try {
            r = Holder.STAX.createXMLStreamReader(new StringReader(text));
            Validator v = Holder.SCHEMA.newValidator();
            v.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            v.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            v.validate(new StAXSource(r));
        } catch (SAXException | IOException e) {
            SAXParseException located = HardenedXml.located(e);
            String msg = (located != null ? located.getMessage() : e.getMessage());
            msg = msg == null ? "invalid" : msg.replaceFirst("^cvc-[a-zA-Z0-9.-]+:\\s*", "")
                    .replace("\"" + BundleXml.NAMESPACE + "\":", "");
            throw new MalformedBundleException("file does not match the bundle format"
                    + (located != null ? " (line " + located.getLineNumber() + ")" : "") + ": "
                    + HardenedXml.shorten(msg));
        } catch (XMLStreamException e) {
            throw new MalformedBundleException("file is not well-formed XML: " + HardenedXml.describe(e));
        } finally {
            HardenedXml.closeQuietly(r);
        }
    }

    /** Refuses the file at the first field where its readable part differs from the signed payload. */
    private static void compare(BundleXml shown, BundleXml signed) throws MalformedBundleException {
        Map<String, String> a = flatten(shown);
        Map<String, String> b = flatten(signed);
        Iterator<Map.Entry<String, String>> ia = a.entrySet().iterator();
        for (Map.Entry<String, String> e : b.entrySet()) {
            String fileValue = a.get(e.getKey());
            if (!e.getValue().equals(fileValue)) {
                throw disagreement(e.getKey(), fileValue, e.getValue());
            }
        }
        while (ia.hasNext()) {
            Map.Entry<String, String> e = ia.next();
            if (!b.containsKey(e.getKey())) {
                throw disagreement(e.getKey(), e.getValue(), null);
            }
        }
    }

    private static MalformedBundleException disagreement(String path, String shown, String signed) {
        return new MalformedBundleException("file: its readable part disagrees with the signed payload at " + path
                + ": the file shows " + (shown == null ? "nothing" : "'" + HardenedXml.shorten(shown) + "'")
                + ", the signed payload says " + (signed == null ? "nothing" : "'" + HardenedXml.shorten(signed) + "'")
                + "; the file was edited after signing");
    }

    private static Map<String, String> flatten(BundleXml x) {
        Map<String, String> out = new LinkedHashMap<>();
        flatten("Bundle", Holder.TREE.valueToTree(x), out);
        return out;
    }

    private static void flatten(String path, JsonNode node, Map<String, String> out) {
        if (node == null || node.isNull()) {
            return;
        }
        if (node.isObject()) {
            node.fields().forEachRemaining(f -> flatten(path + "/" + f.getKey(), f.getValue(), out));
        } else if (node.isArray()) {
            out.put(path + "#count", Integer.toString(node.size()));
            for (int i = 0; i < node.size(); i++) {
                flatten(path + "[" + i + "]", node.get(i), out);
            }
        } else {
            out.put(path, node.asText());
        }
    }

    /** Thread-safe parsers built once. */
    private static final class Holder {
        static final XMLInputFactory STAX = HardenedXml.inputFactory();
        static final XmlMapper XML;
        static final ObjectMapper TREE;
        static final Schema SCHEMA;

        static {
            XmlMapper m = XmlMapper.builder(XmlFactory.builder().xmlInputFactory(HardenedXml.inputFactory()).build())
                    .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .build();
            m.setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY);
            XML = m;
            JsonMapper t = JsonMapper.builder().build();
            t.setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY);
            TREE = t;
            try (InputStream xsd = BundleFile.class.getResourceAsStream(XSD_RESOURCE)) {
                if (xsd == null) {
                    throw new IllegalStateException("missing resource " + XSD_RESOURCE);
                }
                SchemaFactory sf = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
                sf.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
                sf.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
                sf.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
                SCHEMA = sf.newSchema(new javax.xml.transform.stream.StreamSource(xsd));
            } catch (IOException | SAXException e) {
                throw new IllegalStateException("cannot load " + XSD_RESOURCE, e);
            }
        }
    }
}
