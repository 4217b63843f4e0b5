package dev.airlock.appliance.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.airlock.formats.ids.GroupCheck;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * A stand-in for Microsoft's BatchActivation service on 127.0.0.1, for trying the round trip
 * without Microsoft ({@code ./airlock stand-in}) and for tests: checks method,
 * path, SOAPAction, content type, namespaces, Base64, UTF-16LE and the HMAC digest exactly, and
 * answers like the real service (ResponseXml holding an escaped document that declares
 * encoding="utf-16"). CIDs are made up, derived from the IID's digits (so tests know them in
 * advance): they activate nothing.
 * Behaviours can be switched: error codes per IID, remaining counts, HTTP 500, malformed XML, silence.
 */
public class StandInActivationService implements AutoCloseable {
    /** Path of the real service. */
    public static final String PATH = "/BatchActivation/BatchActivation.asmx";
    /** The default key Microsoft's published client embeds (gateway.digest-key's default). */
    public static final byte[] KEY = HexFormat.of().parseHex("fe319875fb4884869cf3f1ce99a89064ab571fca470450583024e214628779a0"
            + "0000000000000000000000000000000000000000000000000000000000000000");

    // Written down again here from Microsoft's wire shape (not shared with the client), so the
    // stand-in checks the client against the shape rather than against itself.
    private static final String SOAP_NS = "http://schemas.xmlsoap.org/soap/envelope/";
    private static final String RESPONSE_NS = "http://www.microsoft.com/DRM/SL/BatchActivationResponse/1.0";

    /** What to do with the next calls. */
    public enum Mode { ANSWER, HTTP_500, MALFORMED, SILENT }

    private final HttpServer server;
    private volatile Mode mode = Mode.ANSWER;
    private final AtomicInteger modeCalls = new AtomicInteger(Integer.MAX_VALUE);
    private final AtomicInteger answerFirst = new AtomicInteger(0);
    private final Map<String, Integer> errorByIid = new ConcurrentHashMap<>();
    private final Map<String, Long> remainingByPid = new ConcurrentHashMap<>();
    private volatile long remainingOtherwise;
    private final List<String> asked = new CopyOnWriteArrayList<>();
    private final List<String> rejections = new CopyOnWriteArrayList<>();
    private final List<String> spent = new CopyOnWriteArrayList<>();

    /** Listens on 127.0.0.1:{@code port} (0: a free port). */
    protected StandInActivationService(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/", this::handle);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    /** Starts a stand-in on loopback {@code port} (0: a free port). */
    public static StandInActivationService start(int port) throws IOException {
        return new StandInActivationService(port);
    }

    /** The URL to configure as gateway.endpoint. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + PATH);
    }

    /** Behave as {@code mode} for the next {@code calls} calls, then answer normally again. */
    public void behave(Mode mode, int calls) {
        this.mode = mode;
        this.modeCalls.set(calls);
    }

    /** Answer the next {@code answers} calls normally, then behave as {@code mode} for {@code calls} calls. */
    public void behaveAfter(int answers, Mode mode, int calls) {
        this.answerFirst.set(answers);
        this.mode = mode;
        this.modeCalls.set(calls);
    }

    /** Answer {@code code} (e.g. 0x7F) for this IID. */
    public void errorFor(String iidDigits, int code) {
        errorByIid.put(iidDigits, code);
    }

    /** Answer {@code remaining} to count requests for ePIDs not set with {@link #remainingFor} (default 0). */
    public void remainingOtherwise(long remaining) {
        this.remainingOtherwise = remaining;
    }

    /** Answer {@code remaining} to a count request for this ePID. */
    public void remainingFor(String pid, long remaining) {
        remainingByPid.put(pid, remaining);
    }

    /** Every well-formed request received: "1:IID" or "2:PID", in order. */
    public List<String> asked() {
        return List.copyOf(asked);
    }

    /** IIDs a CID was sent back for (each an activation spent), in order. */
    public List<String> spent() {
        return List.copyOf(spent);
    }

    /** Why requests were rejected (empty when all were exactly right). */
    public List<String> rejections() {
        return List.copyOf(rejections);
    }

    /**
     * The deterministic CID for an IID: 48 digits derived from SHA-256 of its digits, each group
     * ending in its check digit ({@link GroupCheck}) like a real CID's.
     */
    public static String cidFor(String iidDigits) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(iidDigits.getBytes(StandardCharsets.US_ASCII));
            String d = new BigInteger(1, h).mod(BigInteger.TEN.pow(48)).toString();
            return GroupCheck.withCheckDigits("0".repeat(48 - d.length()) + d, 6);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange x) throws IOException {
        try (x) {
            byte[] body = x.getRequestBody().readAllBytes();
            String problem = check(x, body);
            if (problem != null) {
                rejections.add(problem);
                send(x, 500, fault(problem));
                return;
            }
            Mode now = mode;
            if (now != Mode.ANSWER && answerFirst.getAndUpdate(n -> Math.max(0, n - 1)) <= 0
                    && modeCalls.getAndDecrement() > 0) {
                switch (now) {
                    case HTTP_500 -> send(x, 500, fault("Server was unable to process request."));
                    case MALFORMED -> send(x, 200, "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body><Batch".getBytes(StandardCharsets.UTF_8));
                    case SILENT -> sleepQuietly(3_000);
                    default -> { }
                }
                return;
            }
            send(x, 200, answer(lastRequest));
        }
    }

    private volatile String[] lastRequest;

    /** Null when the request is exactly what Microsoft's service expects; else why not. */
    private String check(HttpExchange x, byte[] body) {
        if (!"POST".equals(x.getRequestMethod())) {
            return "method " + x.getRequestMethod();
        }
        if (!PATH.equals(x.getRequestURI().getPath())) {
            return "path " + x.getRequestURI().getPath();
        }
        if (!"http://www.microsoft.com/BatchActivationService/BatchActivate".equals(
                x.getRequestHeaders().getFirst("SOAPAction"))) {
            return "SOAPAction " + x.getRequestHeaders().getFirst("SOAPAction");
        }
        if (!"text/xml; charset=utf-8".equals(x.getRequestHeaders().getFirst("Content-Type"))) {
            return "Content-Type " + x.getRequestHeaders().getFirst("Content-Type");
        }
        try {
            Document env = parse(body);
            Element root = env.getDocumentElement();
            if (!"Envelope".equals(root.getLocalName()) || !SOAP_NS.equals(root.getNamespaceURI())) {
                return "not a SOAP 1.1 envelope";
            }
            Element request = only(only(only(root, SOAP_NS, "Body"),
                    "http://www.microsoft.com/BatchActivationService", "BatchActivate"),
                    "http://www.microsoft.com/BatchActivationService", "request");
            String digest = only(request, "http://www.microsoft.com/BatchActivationService", "Digest").getTextContent();
            String requestXml = only(request, "http://www.microsoft.com/BatchActivationService", "RequestXml")
                    .getTextContent();
            byte[] inner = Base64.getDecoder().decode(requestXml);
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
            if (!MessageDigest.isEqual(mac.doFinal(inner), Base64.getDecoder().decode(digest))) {
                return "digest does not match";
            }
            String text = StandardCharsets.UTF_16LE.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(inner)).toString();
            if (!text.startsWith("<ActivationRequest") || text.contains("\n") || text.contains("> <")) {
                return "inner request not unformatted UTF-16LE";
            }
            Element ar = parse(text.getBytes(StandardCharsets.UTF_8)).getDocumentElement();
            String ns = "http://www.microsoft.com/DRM/SL/BatchActivationRequest/1.0";
            if (!"ActivationRequest".equals(ar.getLocalName()) || !ns.equals(ar.getNamespaceURI())) {
                return "inner root";
            }
            if (!"2.0".equals(only(ar, ns, "VersionNumber").getTextContent())) {
                return "VersionNumber";
            }
            String type = only(ar, ns, "RequestType").getTextContent();
            Element req = only(only(ar, ns, "Requests"), ns, "Request");
            String pid = only(req, ns, "PID").getTextContent();
            if ("1".equals(type)) {
                String iid = only(req, ns, "IID").getTextContent();
                asked.add("1:" + iid);
                lastRequest = new String[] {"1", pid, iid};
            } else if ("2".equals(type)) {
                if (req.getElementsByTagNameNS(ns, "IID").getLength() != 0) {
                    return "IID in a count request";
                }
                asked.add("2:" + pid);
                lastRequest = new String[] {"2", pid, null};
            } else {
                return "RequestType " + type;
            }
            return null;
        } catch (CharacterCodingException e) {
            return "inner request is not UTF-16LE";
        } catch (Exception e) {
            return "bad request: " + e;
        }
    }

    private byte[] answer(String[] r) {
        String inner;
        String rns = RESPONSE_NS;
        if ("1".equals(r[0])) {
            Integer error = errorByIid.get(r[2]);
            String payload = error != null ? "<ErrorCode>0x" + Integer.toHexString(error).toUpperCase() + "</ErrorCode>"
                    : "<CID>" + cidFor(r[2]) + "</CID>";
            if (error == null) {
                spent.add(r[2]);
            }
            inner = "<?xml version=\"1.0\" encoding=\"utf-16\"?><ActivationResponse xmlns=\"" + rns + "\">"
                    + "<VersionNumber>2.0</VersionNumber><ResponseType>1</ResponseType><Responses><Response>"
                    + "<PID>" + r[1] + "</PID>" + payload + "</Response></Responses></ActivationResponse>";
        } else {
            Long n = remainingByPid.getOrDefault(r[1], remainingOtherwise);
            inner = "<?xml version=\"1.0\" encoding=\"utf-16\"?><ActivationResponse xmlns=\"" + rns + "\">"
                    + "<VersionNumber>2.0</VersionNumber><ResponseType>2</ResponseType><Responses><Response>"
                    + "<PID>" + r[1] + "</PID><ActivationRemaining>" + n + "</ActivationRemaining>"
                    + "</Response></Responses></ActivationResponse>";
        }
        String escaped = inner.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        return ("<?xml version=\"1.0\" encoding=\"utf-8\"?><soap:Envelope xmlns:soap=\"" + SOAP_NS
                + "\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\">"
                + "<soap:Body><BatchActivateResponse xmlns=\"http://www.microsoft.com/BatchActivationService\">"
                + "<BatchActivateResult><ResponseXml>" + escaped + "</ResponseXml></BatchActivateResult>"
                + "</BatchActivateResponse></soap:Body></soap:Envelope>").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] fault(String text) {
        return ("<?xml version=\"1.0\" encoding=\"utf-8\"?><soap:Envelope xmlns:soap=\"" + SOAP_NS
                + "\"><soap:Body><soap:Fault><faultcode>soap:Server</faultcode><faultstring>" + text
                .replace("&", "&amp;").replace("<", "&lt;") + "</faultstring></soap:Fault></soap:Body></soap:Envelope>")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static void send(HttpExchange x, int status, byte[] body) throws IOException {
        x.getResponseHeaders().set("Content-Type", "text/xml; charset=utf-8");
        x.sendResponseHeaders(status, body.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(body);
        }
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

    private static void sleepQuietly(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
