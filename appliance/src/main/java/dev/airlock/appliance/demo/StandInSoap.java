package dev.airlock.appliance.demo;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The stand-in's SOAP wire: checks a request exactly against Microsoft's BatchActivation wire shape
 * and writes its answers and faults the way the real service does.
 */
final class StandInSoap {
    // Written down again here from Microsoft's wire shape (not shared with the client), so the
    // stand-in checks the client against the shape rather than against itself.
    private static final String SOAP_NS = "http://schemas.xmlsoap.org/soap/envelope/";
    private static final String RESPONSE_NS = "http://www.microsoft.com/DRM/SL/BatchActivationResponse/1.0";

    private StandInSoap() {
    }

    /** A request checked against the wire shape: what it asks, or why it is not what the service expects. */
    sealed interface Checked permits Asked, Refused {}

    /** A well-formed request: type "1" (a CID for {@code iid}) or "2" (the count for {@code pid}, no IID). */
    record Asked(String type, String pid, String iid) implements Checked {
        /** How {@link StandInActivationService#asked()} lists it: "1:IID" or "2:PID". */
        String word() {
            return "1".equals(type) ? "1:" + iid : "2:" + pid;
        }
    }

    /** Why a request is not exactly what Microsoft's service expects. */
    record Refused(String problem) implements Checked {}

    /** What the request asks when it is exactly what Microsoft's service expects; else why not. */
    static Checked check(String method, String target, Map<String, String> headers, byte[] body) {
        if (!"POST".equals(method)) {
            return new Refused("method " + method);
        }
        String path = URI.create(target).getPath();
        if (!StandInActivationService.PATH.equals(path)) {
            return new Refused("path " + path);
        }
        if (!"http://www.microsoft.com/BatchActivationService/BatchActivate".equals(headers.get("SOAPAction"))) {
            return new Refused("SOAPAction " + headers.get("SOAPAction"));
        }
        if (!"text/xml; charset=utf-8".equals(headers.get("Content-Type"))) {
            return new Refused("Content-Type " + headers.get("Content-Type"));
        }
        return request(body);
    }

    private static Checked request(byte[] body) {
        try {
            Document env = parse(body);
            Element root = env.getDocumentElement();
            if (!"Envelope".equals(root.getLocalName()) || !SOAP_NS.equals(root.getNamespaceURI())) {
                return new Refused("not a SOAP 1.1 envelope");
            }
            Element request = only(only(only(root, SOAP_NS, "Body"),
                    "http://www.microsoft.com/BatchActivationService", "BatchActivate"),
                    "http://www.microsoft.com/BatchActivationService", "request");
            String digest = only(request, "http://www.microsoft.com/BatchActivationService", "Digest").getTextContent();
            String requestXml = only(request, "http://www.microsoft.com/BatchActivationService", "RequestXml")
                    .getTextContent();
            byte[] inner = Base64.getDecoder().decode(requestXml);
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(StandInActivationService.KEY, "HmacSHA256"));
            if (!MessageDigest.isEqual(mac.doFinal(inner), Base64.getDecoder().decode(digest))) {
                return new Refused("digest does not match");
            }
            String text = StandardCharsets.UTF_16LE.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(inner)).toString();
            if (!text.startsWith("<ActivationRequest") || text.contains("\n") || text.contains("> <")) {
                return new Refused("inner request not unformatted UTF-16LE");
            }
            Element ar = parse(text.getBytes(StandardCharsets.UTF_8)).getDocumentElement();
            String ns = "http://www.microsoft.com/DRM/SL/BatchActivationRequest/1.0";
            if (!"ActivationRequest".equals(ar.getLocalName()) || !ns.equals(ar.getNamespaceURI())) {
                return new Refused("inner root");
            }
            if (!"2.0".equals(only(ar, ns, "VersionNumber").getTextContent())) {
                return new Refused("VersionNumber");
            }
            String type = only(ar, ns, "RequestType").getTextContent();
            Element req = only(only(ar, ns, "Requests"), ns, "Request");
            String pid = only(req, ns, "PID").getTextContent();
            if ("1".equals(type)) {
                String iid = only(req, ns, "IID").getTextContent();
                return new Asked("1", pid, iid);
            } else if ("2".equals(type)) {
                if (req.getElementsByTagNameNS(ns, "IID").getLength() != 0) {
                    return new Refused("IID in a count request");
                }
                return new Asked("2", pid, null);
            } else {
                return new Refused("RequestType " + type);
            }
        } catch (CharacterCodingException e) {
            return new Refused("inner request is not UTF-16LE");
        } catch (Exception e) {
            return new Refused("bad request: " + e);
        }
    }

    /** The answer to a CID request: {@code payload} is its {@code <CID>} or {@code <ErrorCode>} element. */
    static byte[] activationAnswer(String pid, String payload) {
        return envelope("<?xml version=\"1.0\" encoding=\"utf-16\"?><ActivationResponse xmlns=\"" + RESPONSE_NS + "\">"
                + "<VersionNumber>2.0</VersionNumber><ResponseType>1</ResponseType><Responses><Response>"
                + "<PID>" + pid + "</PID>" + payload + "</Response></Responses></ActivationResponse>");
    }

    /** The answer to a count request: {@code remaining} activations left for {@code pid}. */
    static byte[] remainingAnswer(String pid, long remaining) {
        return envelope("<?xml version=\"1.0\" encoding=\"utf-16\"?><ActivationResponse xmlns=\"" + RESPONSE_NS + "\">"
                + "<VersionNumber>2.0</VersionNumber><ResponseType>2</ResponseType><Responses><Response>"
                + "<PID>" + pid + "</PID><ActivationRemaining>" + remaining + "</ActivationRemaining>"
                + "</Response></Responses></ActivationResponse>");
    }

    /** An answer broken off inside the SOAP body: not XML a client can read. */
    static byte[] malformed() {
        return "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body><Batch".getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] envelope(String inner) {
        String escaped = inner.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        return ("<?xml version=\"1.0\" encoding=\"utf-8\"?><soap:Envelope xmlns:soap=\"" + SOAP_NS
                + "\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\">"
                + "<soap:Body><BatchActivateResponse xmlns=\"http://www.microsoft.com/BatchActivationService\">"
                + "<BatchActivateResult><ResponseXml>" + escaped + "</ResponseXml></BatchActivateResult>"
                + "</BatchActivateResponse></soap:Body></soap:Envelope>").getBytes(StandardCharsets.UTF_8);
    }

    /** A SOAP fault saying {@code text}, as the service sends with HTTP 500. */
    static byte[] fault(String text) {
        return ("<?xml version=\"1.0\" encoding=\"utf-8\"?><soap:Envelope xmlns:soap=\"" + SOAP_NS
                + "\"><soap:Body><soap:Fault><faultcode>soap:Server</faultcode><faultstring>" + text
                .replace("&", "&amp;").replace("<", "&lt;") + "</faultstring></soap:Fault></soap:Body></soap:Envelope>")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static Document parse(byte[] bytes) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
    }

    private static Element only(Element parent, String ns, String name) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getLocalName()) && ns.equals(e.getNamespaceURI())) {
                found.add(e);
            }
        }
        if (found.size() != 1) {
            throw new IllegalArgumentException(found.size() + " {" + ns + "}" + name + " elements");
        }
        return found.get(0);
    }
}
