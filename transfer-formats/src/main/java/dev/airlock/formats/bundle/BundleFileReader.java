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
import dev.airlock.formats.xml.SchemaValidators;
import dev.airlock.formats.xml.XmlRefusedException;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.transform.stax.StAXSource;
import javax.xml.validation.SchemaFactory;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads {@link BundleFile}'s XML, hardened: size, UTF-8 and structure checks, the XSD, Jackson
 * binding, strict decoding of the signed payload, the embedded key and signature, then the
 * readable part compared field by field with the one rendered from the payload.
 */
final class BundleFileReader {
    private BundleFileReader() {}

    /** See {@link BundleFile#read(byte[])}. */
    static SignedBundle read(byte[] bytes) throws MalformedBundleException, BadSignatureException {
        if (bytes.length > BundleFile.MAX_BYTES) {
            throw new MalformedBundleException(
                    HardenedXml.tooLarge(bytes.length, BundleFile.MAX_BYTES, BundleFile.FORMAT).getMessage());
        }
        if (bytes.length == 0) {
            throw new MalformedBundleException("file is empty (0 bytes): copy it again from the other side");
        }
        String text;
        try {
            text = HardenedXml.decodeUtf8(bytes, "file", BundleFile.FORMAT);
            if (text.isBlank()) {
                throw new MalformedBundleException("file holds only white space; it is not " + BundleFile.FORMAT);
            }
            HardenedXml.prescan(Holder.STAX, text, "Bundle", BundleXml.NAMESPACE, "formatVersion",
                    BundleXml.FORMAT_VERSION, 6, "file", BundleFile.FORMAT);
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
            Holder.VALIDATORS.validate(new StAXSource(r));
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
        static final SchemaValidators VALIDATORS;

        static {
            XmlMapper m = XmlMapper.builder(XmlFactory.builder().xmlInputFactory(HardenedXml.inputFactory()).build())
                    .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .build();
            m.setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY);
            XML = m;
            JsonMapper t = JsonMapper.builder().build();
            t.setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY);
            TREE = t;
            try (InputStream xsd = BundleFileReader.class.getResourceAsStream(BundleFile.XSD_RESOURCE)) {
                if (xsd == null) {
                    throw new IllegalStateException("missing resource " + BundleFile.XSD_RESOURCE);
                }
                SchemaFactory sf = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
                sf.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
                sf.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
                sf.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
                VALIDATORS = new SchemaValidators(sf.newSchema(new javax.xml.transform.stream.StreamSource(xsd)));
            } catch (IOException | SAXException e) {
                throw new IllegalStateException("cannot load " + BundleFile.XSD_RESOURCE, e);
            }
        }
    }
}
