package dev.airlock.appliance.demo;

import dev.airlock.formats.ids.GroupCheck;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
 * Behaviours can be switched: error codes per IID, remaining counts, HTTP 500, malformed XML,
 * silence, an answer broken off, a connection closed without an answer ({@link Mode}); and how it
 * treats connections, as networks do ({@link Network}): HTTP/1.1 keep-alive, closing after each
 * answer without saying so, closing idle connections, slow answers. HTTP/1.1 is spoken on plain
 * sockets here (not a library server) so that each of these is exact.
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
    public enum Mode {
        ANSWER, HTTP_500, MALFORMED, SILENT,
        /** Sends the status line, headers and half the body, then closes: the request was processed. */
        BREAK_MID_ANSWER,
        /** Reads the whole request (it counts as asked), then closes without a byte of answer. */
        CLOSE_WITHOUT_ANSWER
    }

    /** How connections are treated, as real services and proxies do. */
    public enum Network {
        /** HTTP/1.1 persistent connections, kept open until the client closes them. */
        KEEP_ALIVE("keep-alive"),
        /** Closes the connection after each answer without announcing it (HTTP/1.0 style, as some proxies do). */
        CLOSE_AFTER_ANSWER("close-after-answer"),
        /**
         * Keeps connections alive but closes one that waits longer than {@link StandInActivationService#idleTimeout} (20 ms by
         * default) for its next request.
         */
        CLOSE_WHILE_IDLE("close-while-idle"),
        /** Answers late and in pieces: first byte after {@link StandInActivationService#slowPiece}, then each of 4 pieces after another. */
        SLOW_ANSWER("slow-answer");

        private final String word;

        Network(String word) {
            this.word = word;
        }

        /** Its name on the command line. */
        public String word() {
            return word;
        }
    }

    private static final int MAX_HEAD = 64 * 1024;
    private static final int MAX_BODY = 1 << 20;

    private final LoopbackListener listener;
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger closedIdle = new AtomicInteger();
    private volatile Network network = Network.KEEP_ALIVE;
    private volatile Duration idleTimeout = Duration.ofMillis(20);
    private volatile Duration slowPiece = Duration.ofMillis(5);
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
        listener = new LoopbackListener(port, "stand-in", this::serve);
    }

    /** Starts a stand-in on loopback {@code port} (0: a free port). */
    public static StandInActivationService start(int port) throws IOException {
        return new StandInActivationService(port);
    }

    /** The URL to configure as gateway.endpoint. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + listener.port() + PATH);
    }

    /** Treat connections as {@code network} from now on. */
    public void network(Network network) {
        this.network = network;
    }

    /** {@link Network#CLOSE_WHILE_IDLE}: how long a connection may wait for its next request. */
    public void idleTimeout(Duration idle) {
        this.idleTimeout = idle;
    }

    /** {@link Network#SLOW_ANSWER}: the pause before the first byte and between the answer's pieces. */
    public void slowPiece(Duration piece) {
        this.slowPiece = piece;
    }

    /** Connections accepted so far. */
    public int connections() {
        return connections.get();
    }

    /** Kept-alive connections it closed for waiting longer than the idle time-out. */
    public int closedIdle() {
        return closedIdle.get();
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
        listener.close();
    }

    // --- HTTP/1.1 on plain sockets ----------------------------------------------------------------

    /** One connection: requests one after another until either side closes it. */
    private void serve(Socket s) {
        connections.incrementAndGet();
        try {
            s.setTcpNoDelay(true);
            InputStream in = new BufferedInputStream(s.getInputStream());
            OutputStream out = s.getOutputStream();
            for (int served = 0; !listener.closed(); served++) {
                // the idle time-out is for a kept-alive connection between requests; a new one gets 10 s
                // for its first request, as servers give a header time-out longer than their idle one
                s.setSoTimeout(served == 0 ? 10_000 : network == Network.CLOSE_WHILE_IDLE
                        ? (int) Math.max(1, idleTimeout.toMillis()) : 0);
                String requestLine;
                try {
                    requestLine = line(in, true);
                } catch (SocketTimeoutException e) {
                    closedIdle.incrementAndGet();
                    return; // idle too long: close, as servers and proxies with an idle time-out do
                }
                if (requestLine == null) {
                    return; // the client closed
                }
                s.setSoTimeout(10_000);
                Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                int size = requestLine.length();
                for (String h = line(in, false); !h.isEmpty(); h = line(in, false)) {
                    size += h.length();
                    int colon = h.indexOf(':');
                    if (colon <= 0 || size > MAX_HEAD) {
                        return;
                    }
                    headers.put(h.substring(0, colon).strip(), h.substring(colon + 1).strip());
                }
                int length;
                try {
                    length = Integer.parseInt(headers.getOrDefault("Content-Length", "-1"));
                } catch (NumberFormatException e) {
                    length = -1;
                }
                if (length < 0 || length > MAX_BODY) {
                    send(out, 411, fault("a Content-Length is required"), false);
                    return;
                }
                byte[] body = in.readNBytes(length);
                if (body.length < length) {
                    return; // the request never arrived whole: nothing to process
                }
                String[] parts = requestLine.split(" ", 3);
                if (parts.length != 3) {
                    return;
                }
                Next next = exchange(out, parts[0], parts[1], headers, body);
                if (next != Next.CONTINUE) {
                    if (next == Next.HOLD) {
                        // no answer at all: hold the connection until the client gives up (at most a minute)
                        s.setSoTimeout(60_000);
                        in.transferTo(OutputStream.nullOutputStream());
                    }
                    return;
                }
                if (network == Network.CLOSE_AFTER_ANSWER) {
                    return; // without "Connection: close": the client learns it when it tries again
                }
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    /** What becomes of a connection after an exchange. */
    private enum Next { CONTINUE, CLOSE, HOLD }

    /** Answers one request; says what becomes of the connection. */
    private Next exchange(OutputStream out, String method, String target, Map<String, String> headers,
            byte[] body) throws IOException {
        Object checked = check(method, target, headers, body);
        if (checked instanceof String problem) {
            rejections.add(problem);
            send(out, 500, fault(problem), false);
            return Next.CONTINUE;
        }
        String[] request = (String[]) checked;
        Mode now = mode;
        if (now != Mode.ANSWER && answerFirst.getAndUpdate(n -> Math.max(0, n - 1)) <= 0
                && modeCalls.getAndDecrement() > 0) {
            switch (now) {
                case HTTP_500 -> {
                    send(out, 500, fault("Server was unable to process request."), false);
                    return Next.CONTINUE;
                }
                case MALFORMED -> {
                    send(out, 200, "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body><Batch".getBytes(StandardCharsets.UTF_8), false);
                    return Next.CONTINUE;
                }
                case SILENT -> {
                    return Next.HOLD;
                }
                case BREAK_MID_ANSWER -> {
                    byte[] whole = answer(request);
                    out.write(head(200, whole.length));
                    out.write(whole, 0, whole.length / 2);
                    out.flush();
                    return Next.CLOSE;
                }
                case CLOSE_WITHOUT_ANSWER -> {
                    answer(request); // processed (and spent), but the answer never leaves
                    return Next.CLOSE;
                }
                default -> { }
            }
        }
        send(out, 200, answer(request), network == Network.SLOW_ANSWER);
        return Next.CONTINUE;
    }

    private void send(OutputStream out, int status, byte[] body, boolean slowly) throws IOException {
        byte[] head = head(status, body.length);
        if (!slowly) {
            byte[] all = new byte[head.length + body.length];
            System.arraycopy(head, 0, all, 0, head.length);
            System.arraycopy(body, 0, all, head.length, body.length);
            out.write(all);
            out.flush();
            return;
        }
        long pause = slowPiece.toMillis();
        sleepQuietly(pause);
        out.write(head);
        out.flush();
        int piece = (body.length + 3) / 4;
        for (int off = 0; off < body.length; off += piece) {
            sleepQuietly(pause);
            out.write(body, off, Math.min(piece, body.length - off));
            out.flush();
        }
    }

    private static byte[] head(int status, int length) {
        String reason = switch (status) {
            case 200 -> "OK";
            case 411 -> "Length Required";
            default -> "Internal Server Error";
        };
        return ("HTTP/1.1 " + status + " " + reason + "\r\nContent-Type: text/xml; charset=utf-8\r\nContent-Length: "
                + length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    /** A line without its CRLF; null at a clean end of stream before a request (when {@code first}). */
    private static String line(InputStream in, boolean first) throws IOException {
        StringBuilder b = new StringBuilder();
        while (true) {
            int c = in.read();
            if (c < 0) {
                if (first && b.isEmpty()) {
                    return null;
                }
                throw new IOException("closed mid-line");
            }
            if (c == '\n') {
                int n = b.length();
                return n > 0 && b.charAt(n - 1) == '\r' ? b.substring(0, n - 1) : b.toString();
            }
            if (b.length() > 8192) {
                throw new IOException("line too long");
            }
            b.append((char) c);
        }
    }

    /**
     * The parsed request ({"1", PID, IID} or {"2", PID, null}) when it is exactly what Microsoft's
     * service expects; else a String saying why not.
     */
    private Object check(String method, String target, Map<String, String> headers, byte[] body) {
        if (!"POST".equals(method)) {
            return "method " + method;
        }
        String path = URI.create(target).getPath();
        if (!PATH.equals(path)) {
            return "path " + path;
        }
        if (!"http://www.microsoft.com/BatchActivationService/BatchActivate".equals(headers.get("SOAPAction"))) {
            return "SOAPAction " + headers.get("SOAPAction");
        }
        if (!"text/xml; charset=utf-8".equals(headers.get("Content-Type"))) {
            return "Content-Type " + headers.get("Content-Type");
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
                return new String[] {"1", pid, iid};
            } else if ("2".equals(type)) {
                if (req.getElementsByTagNameNS(ns, "IID").getLength() != 0) {
                    return "IID in a count request";
                }
                asked.add("2:" + pid);
                return new String[] {"2", pid, null};
            } else {
                return "RequestType " + type;
            }
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
        return envelope(inner);
    }

    /** The body of a CID answer for this ePID and IID, exactly as {@link #start started} stand-ins send it. */
    public static byte[] cidAnswer(String pid, String iidDigits) {
        return envelope("<?xml version=\"1.0\" encoding=\"utf-16\"?><ActivationResponse xmlns=\"" + RESPONSE_NS
                + "\"><VersionNumber>2.0</VersionNumber><ResponseType>1</ResponseType><Responses><Response>"
                + "<PID>" + pid + "</PID><CID>" + cidFor(iidDigits) + "</CID></Response></Responses>"
                + "</ActivationResponse>");
    }

    private static byte[] envelope(String inner) {
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
