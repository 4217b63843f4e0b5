package dev.airlock.appliance.gateway;

import dev.airlock.formats.ids.ConfirmationId;
import dev.airlock.formats.ids.ExtendedProductId;
import dev.airlock.formats.ids.InstallationId;
import dev.airlock.formats.ids.InvalidIdException;
import dev.airlock.formats.xml.HardenedXml;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The BatchActivation wire shape, per Microsoft's published ActivationWs client
 * (github.com/dadorner-msft/activationws on main, src/web-service/aspnet/ActivationWs/Activation.cs):
 * SOAP 1.1; the inner {@code ActivationRequest} unformatted, as UTF-16LE bytes, Base64 in
 * {@code RequestXml}; {@code Digest} = Base64 HMAC-SHA256 over the same bytes. The answer's
 * {@code ResponseXml} is an escaped document that declares {@code encoding="utf-16"}: it is parsed
 * from the string through a Reader, and read by element name anywhere.
 */
final class BatchActivationWire {
    static final String SOAP_NS = "http://schemas.xmlsoap.org/soap/envelope/";
    static final String SERVICE_NS = "http://www.microsoft.com/BatchActivationService";
    static final String REQUEST_NS = "http://www.microsoft.com/DRM/SL/BatchActivationRequest/1.0";
    static final String RESPONSE_NS = "http://www.microsoft.com/DRM/SL/BatchActivationResponse/1.0";
    static final String SOAP_ACTION = "http://www.microsoft.com/BatchActivationService/BatchActivate";
    static final String CONTENT_TYPE = "text/xml; charset=utf-8";
    /** Request type 1: a confirmation ID for (ePID, IID). */
    static final int TYPE_CID = 1;
    /** Request type 2: the remaining activations of the MAK behind an ePID. */
    static final int TYPE_REMAINING = 2;
    /** Largest SOAP answer read (bytes); real answers are a few KiB. */
    static final int MAX_ANSWER_BYTES = 1 << 20;
    /** Largest inner ResponseXml document (characters). */
    static final int MAX_INNER_CHARS = 256 * 1024;

    /**
     * One hardened StAX factory for every answer (a new factory per parse costs a service lookup).
     * The JDK's factory is not documented as thread-safe, so readers are made under its lock; each
     * reader is then used by one thread only.
     */
    private static final XMLInputFactory XML = HardenedXml.inputFactory();

    private BatchActivationWire() {}

    private static XMLStreamReader reader(InputStream in) throws XMLStreamException {
        synchronized (XML) {
            return XML.createXMLStreamReader(in);
        }
    }

    private static XMLStreamReader reader(Reader in) throws XMLStreamException {
        synchronized (XML) {
            return XML.createXMLStreamReader(in);
        }
    }

    /** The inner ActivationRequest, unformatted, as UTF-16LE bytes (what is Base64-encoded and digested). */
    static byte[] innerRequest(int type, ExtendedProductId epid, InstallationId iid) {
        StringBuilder x = new StringBuilder(256);
        x.append("<ActivationRequest xmlns=\"").append(REQUEST_NS).append("\">")
                .append("<VersionNumber>2.0</VersionNumber>")
                .append("<RequestType>").append(type).append("</RequestType>")
                .append("<Requests><Request>")
                .append("<PID>").append(escape(epid.toString())).append("</PID>");
        if (type == TYPE_CID) {
            x.append("<IID>").append(iid.digits()).append("</IID>");
        }
        x.append("</Request></Requests></ActivationRequest>");
        return x.toString().getBytes(StandardCharsets.UTF_16LE);
    }

    /** Base64 of HMAC-SHA256 over {@code inner} with {@code key}. */
    static String digest(byte[] inner, byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(inner));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available: " + e.getMessage(), e);
        }
    }

    /** The SOAP 1.1 envelope (UTF-8 bytes) carrying {@code inner}. */
    static byte[] envelope(byte[] inner, byte[] key) {
        String xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
                + "<soap:Envelope xmlns:soap=\"" + SOAP_NS + "\""
                + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
                + " xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\">"
                + "<soap:Body><BatchActivate xmlns=\"" + SERVICE_NS + "\"><request>"
                + "<Digest>" + digest(inner, key) + "</Digest>"
                + "<RequestXml>" + Base64.getEncoder().encodeToString(inner) + "</RequestXml>"
                + "</request></BatchActivate></soap:Body></soap:Envelope>";
        return xml.getBytes(StandardCharsets.UTF_8);
    }

    /** The service's answer could not be read. */
    static final class MalformedAnswer extends Exception {
        private static final long serialVersionUID = 1L;

        MalformedAnswer(String message) {
            super(message);
        }
    }

    /** Reads a SOAP answer of {@code type}: the CID, the remaining count, or the error code. */
    static ServiceAnswer parse(byte[] body, int type) throws MalformedAnswer {
        if (body.length > MAX_ANSWER_BYTES) {
            throw new MalformedAnswer("the answer is larger than " + MAX_ANSWER_BYTES + " bytes");
        }
        String inner = responseXml(body);
        Map<String, String> fields = innerFields(inner);
        String error = fields.get("ErrorCode");
        if (error != null && !error.isBlank()) {
            return new ServiceAnswer.Error(parseCode(error.strip()));
        }
        String responseType = fields.get("ResponseType");
        if (responseType != null && !responseType.strip().equals(Integer.toString(type))) {
            throw new MalformedAnswer("the answer has ResponseType " + HardenedXml.shorten(responseType.strip())
                    + ", expected " + type);
        }
        if (type == TYPE_CID) {
            String cid = fields.get("CID");
            if (cid == null || cid.isBlank()) {
                throw new MalformedAnswer("the answer has neither a CID nor an ErrorCode");
            }
            try {
                return new ServiceAnswer.Cid(ConfirmationId.parse(cid.strip()));
            } catch (InvalidIdException e) {
                throw new MalformedAnswer("the answer's CID is not valid: " + e.getMessage());
            }
        }
        String remaining = fields.get("ActivationRemaining");
        if (remaining == null || remaining.isBlank()) {
            throw new MalformedAnswer("the answer has neither ActivationRemaining nor an ErrorCode");
        }
        try {
            long n = Long.parseLong(remaining.strip());
            if (n < 0 || n > 0xFFFF_FFFFL) {
                throw new NumberFormatException();
            }
            return new ServiceAnswer.Remaining(n);
        } catch (NumberFormatException e) {
            throw new MalformedAnswer("the answer's ActivationRemaining is not a count: "
                    + HardenedXml.shorten(remaining.strip()));
        }
    }

    /** {@code 0x7F} (hex, as the service writes it) or plain decimal. */
    static int parseCode(String text) throws MalformedAnswer {
        try {
            String t = text.toLowerCase(Locale.ROOT);
            long v = t.startsWith("0x") ? Long.parseLong(t.substring(2), 16) : Long.parseLong(t);
            if (v < 0 || v > 0xFFFF_FFFFL) {
                throw new NumberFormatException();
            }
            return (int) v;
        } catch (NumberFormatException e) {
            throw new MalformedAnswer("the answer's ErrorCode is not a number: " + HardenedXml.shorten(text));
        }
    }

    /** The text of the envelope's ResponseXml element; a SOAP fault becomes a MalformedAnswer with its text. */
    private static String responseXml(byte[] body) throws MalformedAnswer {
        XMLStreamReader r = null;
        try {
            r = reader(new ByteArrayInputStream(body));
            String fault = null;
            boolean inFault = false;
            while (r.hasNext()) {
                int e = r.next();
                refuseDtd(e);
                if (e == XMLStreamConstants.START_ELEMENT) {
                    String name = r.getLocalName();
                    if ("Fault".equals(name) && SOAP_NS.equals(r.getNamespaceURI())) {
                        inFault = true;
                    } else if (inFault && "faultstring".equals(name)) {
                        fault = r.getElementText();
                    } else if ("ResponseXml".equals(name)) {
                        String text = r.getElementText();
                        if (text.length() > MAX_INNER_CHARS) {
                            throw new MalformedAnswer("the answer's ResponseXml is longer than " + MAX_INNER_CHARS
                                    + " characters");
                        }
                        return text;
                    }
                }
            }
            throw new MalformedAnswer(inFault ? "the service answered with a SOAP fault: "
                    + HardenedXml.shorten(fault == null ? "(no faultstring)" : fault.strip())
                    : "the answer has no ResponseXml element");
        } catch (XMLStreamException e) {
            throw new MalformedAnswer("the answer is not well-formed XML (" + HardenedXml.describe(e) + ")");
        } finally {
            HardenedXml.closeQuietly(r);
        }
    }

    /** First text of every element in the inner document, by local name (nesting is not relied on). */
    private static Map<String, String> innerFields(String inner) throws MalformedAnswer {
        XMLStreamReader r = null;
        Map<String, String> fields = new HashMap<>();
        try {
            // From the string through a Reader: the document declares encoding="utf-16", which a
            // byte-based parse of a re-encoded copy would trip over.
            r = reader(new StringReader(inner));
            StringBuilder text = null;
            String current = null;
            while (r.hasNext()) {
                int e = r.next();
                refuseDtd(e);
                switch (e) {
                    case XMLStreamConstants.START_ELEMENT -> {
                        current = r.getLocalName();
                        text = new StringBuilder();
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
                        if (text != null) {
                            text.append(r.getText());
                        }
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        if (current != null && text != null) {
                            fields.putIfAbsent(current, text.toString());
                        }
                        current = null;
                        text = null;
                    }
                    default -> {
                        // comments, processing instructions, whitespace: ignored
                    }
                }
            }
            return fields;
        } catch (XMLStreamException e) {
            throw new MalformedAnswer("the answer's ResponseXml is not well-formed XML (" + HardenedXml.describe(e)
                    + ")");
        } finally {
            HardenedXml.closeQuietly(r);
        }
    }

    private static void refuseDtd(int event) throws MalformedAnswer {
        if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_REFERENCE
                || event == XMLStreamConstants.ENTITY_DECLARATION) {
            throw new MalformedAnswer("the answer contains a DTD or entity reference, which is refused");
        }
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
